package models

import (
	"golang.org/x/sync/errgroup"
	"gorm.io/gorm"
)

// cohortQueryParallelism caps how many of the dashboard's queries run at once, each on
// its own pooled connection.
const cohortQueryParallelism = 4

// cohortRunQueries runs independent read queries concurrently, so their database time
// overlaps; the number of queries stays fixed. Inside a transaction, whose single
// connection cannot serve two queries at once, they run one after another.
func cohortRunQueries(db *gorm.DB, queries ...func() error) error {
	if _, inTx := db.Statement.ConnPool.(gorm.TxCommitter); inTx {
		for _, q := range queries {
			if err := q(); err != nil {
				return err
			}
		}
		return nil
	}
	var g errgroup.Group
	g.SetLimit(cohortQueryParallelism)
	for _, q := range queries {
		g.Go(q)
	}
	return g.Wait()
}
