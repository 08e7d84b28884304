package app

import (
	"fmt"
	"strconv"
	"time"
)

// Defaults for the limits read by loadLimits.
const (
	defaultDBWait        = 60 * time.Second
	defaultShutdownWait  = 45 * time.Second
	defaultEvidenceQuota = 1 << 30
	defaultHeavyExports  = 2
)

// loadLimits reads the bounds on waiting, storage and concurrent exports:
// DB_WAIT and SHUTDOWN_WAIT (Go durations such as 90s), EVIDENCE_QUOTA_MB and
// MAX_HEAVY_EXPORTS.
func loadLimits(cfg *Config, getenv func(string) string) error {
	var err error
	if cfg.DBWait, err = envDuration(getenv, "DB_WAIT", defaultDBWait); err != nil {
		return err
	}
	if cfg.ShutdownWait, err = envDuration(getenv, "SHUTDOWN_WAIT", defaultShutdownWait); err != nil {
		return err
	}
	quotaMB, err := envPositive(getenv, "EVIDENCE_QUOTA_MB", defaultEvidenceQuota>>20)
	if err != nil {
		return err
	}
	cfg.EvidenceQuota = int64(quotaMB) << 20
	cfg.HeavyExports, err = envPositive(getenv, "MAX_HEAVY_EXPORTS", defaultHeavyExports)
	return err
}

func envDuration(getenv func(string) string, name string, fallback time.Duration) (time.Duration, error) {
	raw := getenv(name)
	if raw == "" {
		return fallback, nil
	}
	d, err := time.ParseDuration(raw)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("%s must be a duration such as 30s or 2m, got %q", name, raw)
	}
	return d, nil
}

func envPositive(getenv func(string) string, name string, fallback int) (int, error) {
	raw := getenv(name)
	if raw == "" {
		return fallback, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 || n > 1<<20 {
		return 0, fmt.Errorf("%s must be a whole number from 1 to 1048576, got %q", name, raw)
	}
	return n, nil
}
