// Package migrations embeds hitpath's schema, one goose migration set per dialect with
// matching numbers, and the seed data (career reference content) under data/.
//
// Numbering leaves room per area so parallel work does not collide:
// 00001–00009 foundation, 00010–00019 credentials and CEUs, 00020–00029 students,
// 00030–00039 cohorts, 00040–00049 career reference.
package migrations

import "embed"

// FS holds postgres/*.sql, sqlite/*.sql and data/.
//
//go:embed postgres/*.sql sqlite/*.sql data
var FS embed.FS
