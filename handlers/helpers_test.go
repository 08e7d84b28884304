package handlers_test

import (
	"strconv"
	"testing"

	"gorm.io/gorm"

	"hitpath/app/testdb"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func openSQLite(t *testing.T) *gorm.DB { return testdb.Open(t, "sqlite") }
