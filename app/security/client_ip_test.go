package security

import (
	"net/netip"
	"testing"
)

func TestClientIP(t *testing.T) {
	proxies, err := ParseTrustedProxies("10.0.0.0/8, 192.0.2.7")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, remote string
		xff          []string
		trusted      []netip.Prefix
		want         string
	}{
		{"no proxies configured: header ignored", "203.0.113.9", []string{"198.51.100.1"}, nil, "203.0.113.9"},
		{"untrusted peer: header ignored", "203.0.113.9", []string{"198.51.100.1"}, proxies, "203.0.113.9"},
		{"trusted proxy: client from header", "10.1.2.3", []string{"198.51.100.1"}, proxies, "198.51.100.1"},
		{"client-written entries ignored", "10.1.2.3", []string{"6.6.6.6, 198.51.100.1"}, proxies, "198.51.100.1"},
		{"chain of trusted proxies", "10.1.2.3", []string{"198.51.100.1, 192.0.2.7", "10.9.9.9"}, proxies, "198.51.100.1"},
		{"garbage stops the walk", "10.1.2.3", []string{"not-an-ip, 10.4.4.4"}, proxies, "10.4.4.4"},
		{"no header: the proxy itself", "10.1.2.3", nil, proxies, "10.1.2.3"},
		{"IPv4-mapped IPv6 peer", "::ffff:10.1.2.3", []string{"2001:db8::1"}, proxies, "2001:db8::1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ClientIP(netip.MustParseAddr(tt.remote), tt.xff, tt.trusted)
			if got.String() != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestParseTrustedProxiesRefusesGarbage(t *testing.T) {
	for _, raw := range []string{"10.0.0.0/33", "proxy.example", "10.0.0.0/8,,nope"} {
		if _, err := ParseTrustedProxies(raw); err == nil {
			t.Errorf("ParseTrustedProxies(%q): got no error", raw)
		}
	}
}
