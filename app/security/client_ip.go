package security

import (
	"fmt"
	"net/netip"
	"strings"
)

// ParseTrustedProxies reads TRUSTED_PROXIES: CIDRs or single addresses separated by
// commas or spaces.
func ParseTrustedProxies(raw string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, field := range strings.FieldsFunc(raw, func(r rune) bool { return r == ',' || r == ' ' }) {
		prefix, err := netip.ParsePrefix(field)
		if err != nil {
			addr, addrErr := netip.ParseAddr(field)
			if addrErr != nil {
				return nil, fmt.Errorf("TRUSTED_PROXIES: %q is not a CIDR such as 10.0.0.0/8 or an address", field)
			}
			prefix = netip.PrefixFrom(addr, addr.BitLen())
		}
		out = append(out, prefix.Masked())
	}
	return out, nil
}

// ClientIP decides who is asking. The connection's address is the client unless it
// belongs to a trusted proxy; then X-Forwarded-For is read from the right, skipping
// trusted proxies, and the first other address is the client. Entries left of it
// were written by the client itself and prove nothing. An unparsable entry stops the
// walk at the last address known good.
func ClientIP(remote netip.Addr, forwardedFor []string, trusted []netip.Prefix) netip.Addr {
	remote = remote.Unmap()
	if !isTrusted(remote, trusted) {
		return remote
	}
	var hops []string
	for _, header := range forwardedFor {
		hops = append(hops, strings.Split(header, ",")...)
	}
	client := remote
	for i := len(hops) - 1; i >= 0; i-- {
		addr, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			return client
		}
		client = addr.Unmap()
		if !isTrusted(client, trusted) {
			return client
		}
	}
	return client
}

func isTrusted(addr netip.Addr, trusted []netip.Prefix) bool {
	for _, p := range trusted {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}
