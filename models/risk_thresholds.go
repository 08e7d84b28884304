package models

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// RiskThresholds are a cohort's at-risk limits, editable by its instructors.
type RiskThresholds struct {
	// NoStudyDays flags a student with no study for this many days.
	NoStudyDays int
	// PassingPercent is the readiness the trend must reach by the exam, checked within
	// TrendWindowDays of it.
	PassingPercent  float64
	TrendWindowDays int
	// FloorPercent flags any readiness under it within FloorWindowDays of the exam.
	FloorPercent    float64
	FloorWindowDays int
}

// DefaultRiskThresholds are a new cohort's limits.
func DefaultRiskThresholds() RiskThresholds {
	return RiskThresholds{NoStudyDays: 14, PassingPercent: 70, TrendWindowDays: 120, FloorPercent: 50, FloorWindowDays: 90}
}

// RiskThresholdsInput is the thresholds as an instructor types them.
type RiskThresholdsInput struct {
	NoStudyDays, PassingPercent, TrendWindowDays, FloorPercent, FloorWindowDays string
}

// Thresholds parses and checks the input; each problem names its field.
func (in RiskThresholdsInput) Thresholds() (RiskThresholds, Problems) {
	problems := Problems{}
	t := RiskThresholds{
		NoStudyDays:     thresholdInt(in.NoStudyDays, "risk_no_study_days", 1, 365, problems),
		PassingPercent:  float64(thresholdInt(in.PassingPercent, "risk_passing_percent", 1, 100, problems)),
		TrendWindowDays: thresholdInt(in.TrendWindowDays, "risk_trend_window_days", 1, 730, problems),
		FloorPercent:    float64(thresholdInt(in.FloorPercent, "risk_floor_percent", 0, 100, problems)),
		FloorWindowDays: thresholdInt(in.FloorWindowDays, "risk_floor_window_days", 1, 730, problems),
	}
	if problems["risk_floor_percent"] == "" && problems["risk_passing_percent"] == "" && t.FloorPercent > t.PassingPercent {
		problems.add("risk_floor_percent", "The floor can't be above the passing level.")
	}
	return t, problems.orNil()
}

// Input writes the thresholds for a form.
func (t RiskThresholds) Input() RiskThresholdsInput {
	return RiskThresholdsInput{NoStudyDays: strconv.Itoa(t.NoStudyDays), PassingPercent: strconv.Itoa(int(math.Round(t.PassingPercent))),
		TrendWindowDays: strconv.Itoa(t.TrendWindowDays), FloorPercent: strconv.Itoa(int(math.Round(t.FloorPercent))),
		FloorWindowDays: strconv.Itoa(t.FloorWindowDays)}
}

func thresholdInt(text, field string, low, high int, problems Problems) int {
	n, err := strconv.Atoi(strings.TrimSpace(text))
	if err != nil || n < low || n > high {
		problems.add(field, fmt.Sprintf("Enter a whole number from %d to %d.", low, high))
		return 0
	}
	return n
}
