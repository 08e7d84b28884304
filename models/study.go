package models

import (
	"math"
	"time"
)

// StudySession is one block of study a student logged. Minutes (1–720) and the domain
// are validated before a session is saved; these computations trust them.
type StudySession struct {
	On             time.Time
	Minutes        int
	DomainPosition int // ExamDomain.Position in the target credential's outline
	Topic          string
}

// StudyWeek is one bar of the weekly study chart: a Monday-to-Sunday week with its
// minutes stacked by exam domain.
type StudyWeek struct {
	Start    time.Time   // the Monday, 00:00 UTC
	Minutes  int         // total for the week
	ByDomain map[int]int // minutes per domain position; nil for a week with no study
}

// StudyStreak counts consecutive study days ending today, or ending yesterday when the
// student has not studied yet today: a streak should not look broken at breakfast.
// Several sessions on one day count once; dates after today are ignored.
func StudyStreak(dates []time.Time, today time.Time) int {
	todayNumber := dayNumber(today)
	studied := make(map[int]struct{}, len(dates))
	for _, d := range dates {
		if n := dayNumber(d); n <= todayNumber {
			studied[n] = struct{}{}
		}
	}
	day := todayNumber
	if _, ok := studied[day]; !ok {
		day--
	}
	streak := 0
	for {
		if _, ok := studied[day]; !ok {
			return streak
		}
		streak++
		day--
	}
}

// WeeklyMinutes returns one StudyWeek per week from the week containing from to the
// week containing to, both inclusive, including empty weeks so the chart shows gaps.
// Weeks start on Monday. Only sessions dated from..to (inclusive) count, so a range
// starting mid-week shows a partial first week rather than days the caller excluded.
// It returns nil when to is before from.
func WeeklyMinutes(sessions []StudySession, from, to time.Time) []StudyWeek {
	fromNumber, toNumber := dayNumber(from), dayNumber(to)
	if toNumber < fromNumber {
		return nil
	}
	firstMonday := weekStart(from)
	firstMondayNumber := dayNumber(firstMonday)
	weekCount := (toNumber-firstMondayNumber)/7 + 1

	weeks := make([]StudyWeek, weekCount)
	for i := range weeks {
		weeks[i].Start = firstMonday.AddDate(0, 0, 7*i)
	}
	for _, s := range sessions {
		day := dayNumber(s.On)
		if day < fromNumber || day > toNumber {
			continue
		}
		week := &weeks[(day-firstMondayNumber)/7]
		if week.ByDomain == nil {
			week.ByDomain = make(map[int]int, 6)
		}
		week.ByDomain[s.DomainPosition] += s.Minutes
		week.Minutes += s.Minutes
	}
	return weeks
}

// MinutesInLastDays sums the minutes studied in the last days days, today included:
// with days = 7, today and the six days before it.
func MinutesInLastDays(sessions []StudySession, today time.Time, days int) int {
	if days <= 0 {
		return 0
	}
	last := dayNumber(today)
	first := last - days + 1
	total := 0
	for _, s := range sessions {
		if day := dayNumber(s.On); day >= first && day <= last {
			total += s.Minutes
		}
	}
	return total
}

// RecentWeeklyMinutes is the student's current pace: the average minutes per week over
// the last weeks weeks (today included), rounded to the nearest minute. The study plan
// compares it with the time the exam needs.
func RecentWeeklyMinutes(sessions []StudySession, today time.Time, weeks int) int {
	if weeks <= 0 {
		return 0
	}
	total := MinutesInLastDays(sessions, today, 7*weeks)
	return int(math.Round(float64(total) / float64(weeks)))
}

// LastStudyDate returns the date of the most recent session, or the zero time when
// there is none; the at-risk rule reads "never" from the zero time.
func LastStudyDate(sessions []StudySession) time.Time {
	var last time.Time
	for _, s := range sessions {
		if day := DateOnly(s.On); day.After(last) {
			last = day
		}
	}
	return last
}

// RecentWeeks is WeeklyMinutes for the last weeks weeks up to today, the current
// (partial) week included.
func RecentWeeks(sessions []StudySession, today time.Time, weeks int) []StudyWeek {
	return WeeklyMinutes(sessions, AddDays(weekStart(today), -7*(weeks-1)), today)
}
