package handlers_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// readICSWithPython parses a feed with Python's icalendar package (a parser that had
// no part in writing it) and returns one "uid|start|summary|alarms" line per event.
// CI installs python3-icalendar and fails without it; elsewhere the test skips.
func readICSWithPython(t *testing.T, feed string) []string {
	t.Helper()
	const script = `import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
for e in cal.walk("VEVENT"):
    alarms = [a for a in e.walk("VALARM") if a.get("TRIGGER") is not None]
    print("%s|%s|%s|%d" % (e["UID"], e.decoded("DTSTART").isoformat(), e["SUMMARY"], len(alarms)))
`
	python := "/usr/bin/python3"
	if err := exec.Command(python, "-c", "import icalendar").Run(); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("python3-icalendar is missing: install it")
		}
		t.Skip("python3-icalendar is not installed")
	}
	path := t.TempDir() + "/feed.ics"
	if err := os.WriteFile(path, []byte(feed), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "-c", script, path).CombinedOutput()
	if err != nil {
		t.Fatalf("icalendar could not read the feed: %v\n%s", err, out)
	}
	return strings.Split(strings.TrimSpace(string(out)), "\n")
}
