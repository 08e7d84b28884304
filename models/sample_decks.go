package models

import (
	"embed"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// sampleDeckFiles are the demo school's sample decks, one CSV per exam in the deck CSV
// layout. They were written for hitpath from public sources (the HIPAA rules in 45 CFR,
// the ICD-10-CM/PCS Official Guidelines, the Medicare Conditions of Participation, CMS,
// NCI, CDC, WHO and NAACCR pages) and every row cites its source; none reproduces a
// certifying body's exam questions.
//
//go:embed sampledecks/*.csv
var sampleDeckFiles embed.FS

// SampleDeckCodes are the exams with a sample deck.
var SampleDeckCodes = []string{string(TargetCCA), string(TargetRHIT), string(TargetODS)}

// SampleDeckCards parses the sample deck of an exam with the deck CSV import, so the
// samples pass the same checks as any learner's file.
func SampleDeckCards(code string, outline []ExamDomain) ([]StudyCard, error) {
	data, err := sampleDeckFiles.ReadFile("sampledecks/" + code + ".csv")
	if err != nil {
		return nil, fmt.Errorf("read sample deck %s: %w", code, err)
	}
	cards, problems := ParseDeckCSV(data, outline, code, 0)
	if problems != nil {
		return nil, fmt.Errorf("sample deck %s: %v", code, problems[0])
	}
	return cards, nil
}

// createSampleDecks gives the first demo cohort of each exam the exam's sample deck,
// owned by its instructor and shared with the cohort.
func (g *demoGenerator) createSampleDecks(cohorts []Cohort) error {
	done := map[string]bool{}
	for _, c := range cohorts {
		if done[c.TargetCode] || !ValidTarget(c.TargetCode) {
			continue
		}
		done[c.TargetCode] = true
		if err := createSampleDeck(g.tx, c, g.outlines[c.TargetCode], g.now); err != nil {
			return err
		}
	}
	return nil
}

func createSampleDeck(tx *gorm.DB, c Cohort, outline []ExamDomain, now time.Time) error {
	cards, err := SampleDeckCards(c.TargetCode, outline)
	if err != nil {
		return err
	}
	cohortID := c.ID
	deck := StudyDeck{OwnerID: c.OwnerID, CredentialCode: c.TargetCode, CohortID: &cohortID, CreatedAt: now, UpdatedAt: now,
		Title:       fmt.Sprintf("%s sample deck", c.TargetCode),
		Description: "Written for hitpath from public sources; each card names its source. Not AHIMA or NCRA material."}
	if err := tx.Omit("card_count").Create(&deck).Error; err != nil {
		return fmt.Errorf("create sample deck %s: %w", c.TargetCode, err)
	}
	for i := range cards {
		cards[i].DeckID, cards[i].CreatedAt, cards[i].UpdatedAt = deck.ID, now, now
	}
	if err := tx.CreateInBatches(&cards, 200).Error; err != nil {
		return fmt.Errorf("create sample cards %s: %w", c.TargetCode, err)
	}
	return nil
}
