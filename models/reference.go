package models

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"
)

// ReferencePage is one page of the career reference; Body is Markdown that may hold
// chart placeholders ({{chart NAME}}).
type ReferencePage struct {
	ID       int64  `gorm:"column:id;primaryKey"`
	Slug     string `gorm:"column:slug"`
	Title    string `gorm:"column:title"`
	Summary  string `gorm:"column:summary"`
	Body     string `gorm:"column:body"`
	Position int    `gorm:"column:position"`
	// EditedAt is set when an admin changed the page; the seeder then leaves it alone.
	EditedAt  *time.Time `gorm:"column:edited_at"`
	UpdatedAt time.Time  `gorm:"column:updated_at"`
}

// TableName maps ReferencePage to reference_pages.
func (ReferencePage) TableName() string { return "reference_pages" }

// ReferenceFact is one sourced figure. Topic and Label together are its key.
type ReferenceFact struct {
	ID    int64  `gorm:"column:id;primaryKey"`
	Topic string `gorm:"column:topic"`
	Label string `gorm:"column:label"`
	Value string `gorm:"column:value"`
	// Number is the figure in hundredths, for charts.
	Number    int64      `gorm:"column:number"`
	Unit      string     `gorm:"column:unit"`
	Geography string     `gorm:"column:geography"`
	Period    string     `gorm:"column:period"`
	Source    string     `gorm:"column:source"`
	Position  int        `gorm:"column:position"`
	EditedAt  *time.Time `gorm:"column:edited_at"`
	UpdatedAt time.Time  `gorm:"column:updated_at"`
	// SOCCode is the occupation code the figure was counted under.
	SOCCode string `gorm:"column:soc_code"`
}

// TableName maps ReferenceFact to reference_facts.
func (ReferenceFact) TableName() string { return "reference_facts" }

// Amount returns the figure as a float for charts.
func (f ReferenceFact) Amount() float64 { return float64(f.Number) / 100 }

// ReferenceRevision counts changes to the reference content: every write that changes
// a page or a fact increments it, so a cached rendering is current when its revision
// matches.
type ReferenceRevision struct {
	ID        int       `gorm:"column:id;primaryKey"`
	Revision  int64     `gorm:"column:revision"`
	UpdatedAt time.Time `gorm:"column:updated_at"`
}

// TableName maps ReferenceRevision to reference_revision.
func (ReferenceRevision) TableName() string { return "reference_revision" }

// CurrentReferenceRevision reads the content revision: one primary-key read.
func CurrentReferenceRevision(ctx context.Context, db *gorm.DB) (ReferenceRevision, error) {
	var rev ReferenceRevision
	err := db.WithContext(ctx).Take(&rev, 1).Error
	return rev, notFound(err, "load reference revision")
}

// bumpReferenceRevision records a change inside the caller's transaction.
func bumpReferenceRevision(tx *gorm.DB, now time.Time) error {
	err := tx.Model(&ReferenceRevision{}).Where("id = 1").
		Updates(map[string]any{"revision": gorm.Expr("revision + 1"), "updated_at": now.UTC()}).Error
	if err != nil {
		return fmt.Errorf("bump reference revision: %w", err)
	}
	return nil
}

// ListReferencePages returns every page in menu order.
func ListReferencePages(ctx context.Context, db *gorm.DB) ([]ReferencePage, error) {
	var pages []ReferencePage
	if err := db.WithContext(ctx).Order("position, slug").Find(&pages).Error; err != nil {
		return nil, fmt.Errorf("list reference pages: %w", err)
	}
	return pages, nil
}

// ReferencePageBySlug loads one page.
func ReferencePageBySlug(ctx context.Context, db *gorm.DB, slug string) (ReferencePage, error) {
	var page ReferencePage
	err := db.WithContext(ctx).Where("slug = ?", slug).Take(&page).Error
	return page, notFound(err, fmt.Sprintf("load reference page %q", slug))
}

// ListReferenceFacts returns the facts of the given topics (all facts when none are
// given), newest period first and otherwise in the order of the seed file.
func ListReferenceFacts(ctx context.Context, db *gorm.DB, topics ...string) ([]ReferenceFact, error) {
	var facts []ReferenceFact
	q := db.WithContext(ctx).Order("position, id")
	if len(topics) > 0 {
		q = q.Where("topic IN ?", topics)
	}
	if err := q.Find(&facts).Error; err != nil {
		return nil, fmt.Errorf("list reference facts %v: %w", topics, err)
	}
	SortNewestFirst(facts)
	return facts, nil
}

// ReferenceFactByID loads one fact.
func ReferenceFactByID(ctx context.Context, db *gorm.DB, id int64) (ReferenceFact, error) {
	var fact ReferenceFact
	err := db.WithContext(ctx).Take(&fact, id).Error
	return fact, notFound(err, fmt.Sprintf("load reference fact %d", id))
}

// ReferenceChartTopics returns the fact topics a chart draws (see the README block in
// reference_seed.go), or nil for an unknown chart.
func ReferenceChartTopics(chart string) []string {
	switch chart {
	case "work-settings":
		return []string{TopicWorkSettingsShare, TopicWorkSettingsWage}
	case "work-sectors":
		return []string{TopicWorkSectorsShare, TopicWorkSectorsWage}
	case "wage-percentiles-by-occupation":
		return []string{WagePercentilesTopic("29-2072"), WagePercentilesTopic("29-9021")}
	case "wage-percentiles":
		return []string{TopicWagePercentilesUS, TopicWagePercentilesCA}
	case "wage-medians":
		return []string{TopicWageMedians}
	case "employment-outlook":
		return []string{TopicEmploymentGrowth}
	case "education-costs":
		return []string{TopicTuition}
	}
	return nil
}

// ChartsInBody returns the chart names a page body places, in order of appearance.
func ChartsInBody(body string) []string {
	var names []string
	for _, line := range strings.Split(body, "\n") {
		if match := placeholderPattern.FindStringSubmatch(strings.TrimSpace(line)); match != nil && !slices.Contains(names, match[1]) {
			names = append(names, match[1])
		}
	}
	return names
}

// TopicsInBody returns the fact topics drawn by the charts a page body places.
func TopicsInBody(body string) []string {
	var topics []string
	for _, chart := range ChartsInBody(body) {
		for _, topic := range ReferenceChartTopics(chart) {
			if !slices.Contains(topics, topic) {
				topics = append(topics, topic)
			}
		}
	}
	return topics
}

// CheckReferenceBody returns a sentence describing a malformed or unknown chart
// placeholder in body, or "" when every placeholder is drawable.
func CheckReferenceBody(body string) string {
	err := checkChartPlaceholders("body", body)
	if err == nil {
		return ""
	}
	return "Fix the chart line: " + strings.TrimPrefix(err.Error(), "body: ") + "."
}
