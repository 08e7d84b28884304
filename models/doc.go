// Package models holds hitpath's domain: GORM types mirroring the tables, the pure
// rules (cycles, eligibility, readiness, risk) and the query functions that load and
// save them. Rules take plain values, including "today", and never read the clock,
// configuration or database.
package models
