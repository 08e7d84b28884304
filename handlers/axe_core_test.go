package handlers_test

import (
	"archive/tar"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// axeCoreVersion is the axe-core release the accessibility checks run (from the npm
// registry; cached under the user's cache directory after the first run).
const axeCoreVersion = "4.14.1"

// axeCoreSource returns axe.min.js: from HITPATH_AXE_JS when set, else from the cache,
// else fetched once with `npm pack`. Without npm the test skips, except in CI.
func axeCoreSource(t *testing.T) string {
	t.Helper()
	if path := os.Getenv("HITPATH_AXE_JS"); path != "" {
		return readAxe(t, path)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	path := filepath.Join(cache, "hitpath", "axe-core-"+axeCoreVersion, "axe.min.js")
	if _, err := os.Stat(path); err == nil {
		return readAxe(t, path)
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("npm is not installed; .ci/run installs it for the OpenAPI lint")
		}
		t.Skip("npm is not installed: axe-core can't be fetched")
	}
	dir := t.TempDir()
	cmd := exec.Command(npm, "pack", "axe-core@"+axeCoreVersion, "--pack-destination", dir)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npm pack axe-core@%s: %v\n%s", axeCoreVersion, err, out)
	}
	if err := extractAxe(filepath.Join(dir, "axe-core-"+axeCoreVersion+".tgz"), path); err != nil {
		t.Fatal(err)
	}
	return readAxe(t, path)
}

func readAxe(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// extractAxe copies package/axe.min.js out of the npm tarball to dst.
func extractAxe(tgz, dst string) error {
	f, err := os.Open(tgz)
	if err != nil {
		return err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err != nil {
			return err // io.EOF: the file is missing from the package
		}
		if h.Name != "package/axe.min.js" {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		tmp := dst + ".part"
		out, err := os.Create(tmp)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, io.LimitReader(tr, 16<<20)); err != nil {
			out.Close()
			return err
		}
		if err := out.Close(); err != nil {
			return err
		}
		return os.Rename(tmp, dst)
	}
}
