package handlers

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// formValue reads one form field by name.
func formValue(c *fiber.Ctx) func(string) string {
	return func(name string) string { return c.FormValue(name) }
}

// ceuColumnChoice is one of our columns on the preview's column form, with the
// file's columns to pick from.
type ceuColumnChoice struct {
	Name    string
	Options []ceuColumnOption
}

// ceuColumnOption is one of the file's columns (Value from 1) in a choice.
type ceuColumnOption struct {
	Value, Label string
	Selected     bool
}

// ceuColumnChoices builds the column form for the file's header, each choice
// preselected from what the user sent or else from the headings that match.
func ceuColumnChoices(text string, value func(string) string) []ceuColumnChoice {
	header := models.ReadCSVTable([]byte(text)).Header
	matched, _ := models.MatchCEUColumns(header)
	choices := make([]ceuColumnChoice, 0, len(models.CEUCSVHeader))
	for _, name := range models.CEUCSVHeader {
		chosen := value("column_" + name)
		if chosen == "" && value("mapped") != "1" && matched[name] >= 0 {
			chosen = strconv.Itoa(matched[name] + 1)
		}
		choice := ceuColumnChoice{Name: name}
		for i, heading := range header {
			v := strconv.Itoa(i + 1)
			choice.Options = append(choice.Options, ceuColumnOption{Value: v, Label: v + ": " + heading, Selected: v == chosen})
		}
		choices = append(choices, choice)
	}
	return choices
}

// ceuChosenColumns carries the user's column choice from the preview to the commit.
func ceuChosenColumns(value func(string) string) map[string]string {
	chosen := map[string]string{}
	for _, name := range models.CEUCSVHeader {
		chosen["column_"+name] = value("column_" + name)
	}
	return chosen
}
