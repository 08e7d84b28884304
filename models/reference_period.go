package models

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

var (
	periodYear  = regexp.MustCompile(`\b(19|20)\d\d\b`)
	periodMonth = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(19|20)\d\d\b|\b(19|20)\d\d-(\d\d)-\d\d\b`)
	monthNumber = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
		"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
)

// PeriodRank orders the periods figures are given for, later periods ranking higher:
// the first year named counts (a projection "2024-2034" ranks by the year it starts
// from, "~2017" as 2017, "undated (page of 2016-2018)" as 2016), then the month when
// one is named ("May 2025", "retrieved 2018-02-10"). A period naming no year ranks
// lowest.
func PeriodRank(period string) int {
	year := periodYear.FindString(period)
	if year == "" {
		return 0
	}
	rank, _ := strconv.Atoi(year)
	rank *= 100
	if m := periodMonth.FindStringSubmatch(period); m != nil && strings.Contains(m[0], year) {
		if m[1] != "" {
			rank += monthNumber[strings.ToLower(m[1])]
		} else {
			month, _ := strconv.Atoi(m[4])
			rank += month
		}
	}
	return rank
}

// SortNewestFirst puts facts of later periods first, keeping the seed order among
// facts of the same period.
func SortNewestFirst(facts []ReferenceFact) {
	slices.SortStableFunc(facts, func(a, b ReferenceFact) int { return PeriodRank(b.Period) - PeriodRank(a.Period) })
}
