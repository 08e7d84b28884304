package app

import "testing"

func TestMailHost(t *testing.T) {
	tests := []struct{ baseURL, want string }{
		{"https://hitpath.example", "hitpath.example"},
		{"http://localhost:3000", "localhost"},
		{"http://127.0.0.1:3000", "[127.0.0.1]"},
		{"http://[2001:db8::1]:3000", "[IPv6:2001:db8::1]"},
		{"", "localhost"},
	}
	for _, tt := range tests {
		if got := mailHost(tt.baseURL); got != tt.want {
			t.Errorf("mailHost(%q): got %q, want %q", tt.baseURL, got, tt.want)
		}
	}
	if got := defaultMailFrom("http://[2001:db8::1]:3000").String(); got != `"hitpath" <no-reply@[IPv6:2001:db8::1]>` {
		t.Errorf("got From %s, want the IPv6 literal with its tag", got)
	}
}
