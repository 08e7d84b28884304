package app

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestLoadConfig(t *testing.T) {
	secret := strings.Repeat("s", 32)
	tests := []struct {
		name    string
		env     map[string]string
		wantErr string
		check   func(Config) bool
	}{
		{"defaults are embedded SQLite on 3000", nil, "", func(c Config) bool {
			return c.Port == "3000" && c.BaseURL == "http://localhost:3000" && !c.Postgres() && c.DataDir == "data" && c.MaxDBConns == 8 && !c.SecureCookies()
		}},
		{"postgres without secret is refused", map[string]string{"DATABASE_URL": "postgres://x/y"}, "JWT_SECRET is required", nil},
		{"postgres with secret", map[string]string{"DATABASE_URL": "postgres://x/y", "JWT_SECRET": secret}, "", func(c Config) bool {
			return c.Postgres() && c.MaxDBConns == 4*runtime.GOMAXPROCS(0)
		}},
		{"short secret", map[string]string{"JWT_SECRET": "short"}, "at least 32", nil},
		{"other database scheme", map[string]string{"DATABASE_URL": "mysql://x"}, "must start with postgres://", nil},
		{"https base URL makes cookies secure", map[string]string{"BASE_URL": "https://hit.example/"}, "", func(c Config) bool {
			return c.SecureCookies() && c.BaseURL == "https://hit.example"
		}},
		{"base URL follows the port", map[string]string{"PORT": "3202"}, "", func(c Config) bool { return c.BaseURL == "http://localhost:3202" }},
		{"base URL given wins over the port", map[string]string{"PORT": "3202", "BASE_URL": "https://hit.example"}, "", func(c Config) bool { return c.BaseURL == "https://hit.example" }},
		{"pool size override", map[string]string{"DB_MAX_CONNS": "32"}, "", func(c Config) bool { return c.MaxDBConns == 32 }},
		{"bad pool size", map[string]string{"DB_MAX_CONNS": "many"}, "DB_MAX_CONNS", nil},
		{"limits default", nil, "", func(c Config) bool {
			return c.DBWait == time.Minute && c.ShutdownWait == 45*time.Second && c.EvidenceQuota == 1<<30 && c.HeavyExports == 2 && c.MailFrom == ""
		}},
		{"limits configured", map[string]string{"DB_WAIT": "2m", "SHUTDOWN_WAIT": "90s", "EVIDENCE_QUOTA_MB": "250", "MAX_HEAVY_EXPORTS": "4", "MAIL_FROM": "School <no-reply@school.example>"}, "", func(c Config) bool {
			return c.DBWait == 2*time.Minute && c.ShutdownWait == 90*time.Second && c.EvidenceQuota == 250<<20 && c.HeavyExports == 4 && c.MailFrom != ""
		}},
		{"bad wait", map[string]string{"DB_WAIT": "soon"}, "DB_WAIT", nil},
		{"zero quota", map[string]string{"EVIDENCE_QUOTA_MB": "0"}, "EVIDENCE_QUOTA_MB", nil},
		{"bad export limit", map[string]string{"MAX_HEAVY_EXPORTS": "-1"}, "MAX_HEAVY_EXPORTS", nil},
		{"bad sender", map[string]string{"MAIL_FROM": "nobody"}, "MAIL_FROM", nil},
		{"trusted proxies", map[string]string{"TRUSTED_PROXIES": "10.0.0.0/8, 192.0.2.7"}, "", func(c Config) bool {
			return len(c.TrustedProxies) == 2 && c.TrustedProxies[1].String() == "192.0.2.7/32"
		}},
		{"bad trusted proxy", map[string]string{"TRUSTED_PROXIES": "proxy.example"}, "TRUSTED_PROXIES", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := LoadConfig(func(k string) string { return tt.env[k] })
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if !tt.check(cfg) {
				t.Fatalf("got config %+v", cfg)
			}
		})
	}
}
