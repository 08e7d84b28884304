package models

import "strings"

// uaRule recognises one browser or system by a marker in the user agent; the first
// rule that matches wins, so more specific markers come first (Edge and Opera say
// "Chrome" too, Chrome says "Safari").
type uaRule struct{ marker, name string }

var browserRules = []uaRule{
	{"Edg/", "Edge"}, {"OPR/", "Opera"}, {"SamsungBrowser/", "Samsung Internet"}, {"Firefox/", "Firefox"},
	{"FxiOS/", "Firefox"}, {"CriOS/", "Chrome"}, {"Chrome/", "Chrome"}, {"Safari/", "Safari"},
	{"curl/", "curl"}, {"Go-http-client/", "Go program"}, {"python-requests/", "Python program"},
}

var systemRules = []uaRule{
	{"iPhone", "iPhone"}, {"iPad", "iPad"}, {"Android", "Android"}, {"CrOS", "ChromeOS"},
	{"Windows", "Windows"}, {"Mac OS X", "macOS"}, {"Macintosh", "macOS"}, {"Linux", "Linux"},
}

// DeviceName describes the device of a user agent for a person ("Firefox on
// Windows"), or "Unknown device" when nothing is recognised.
func DeviceName(userAgent string) string {
	browser, system := matchUA(userAgent, browserRules), matchUA(userAgent, systemRules)
	switch {
	case browser != "" && system != "":
		return browser + " on " + system
	case browser != "":
		return browser
	case system != "":
		return "A browser on " + system
	}
	return "Unknown device"
}

func matchUA(ua string, rules []uaRule) string {
	for _, r := range rules {
		if strings.Contains(ua, r.marker) {
			return r.name
		}
	}
	return ""
}
