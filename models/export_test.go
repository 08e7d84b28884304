package models

// Internals the external tests check against the schema.
var (
	PersonalTablesForTest        = personalTables
	OwnedTablesForTest           = ownedTables
	KeptUserColumnsForTest       = keptUserColumns
	UnexportedUserColumnsForTest = unexportedUserColumns
)

// ExportSQLForTest returns the SQL of every section of the personal export.
func ExportSQLForTest() []string {
	out := make([]string, len(exportQueries))
	for i, q := range exportQueries {
		out[i] = q.sql
	}
	return out
}
