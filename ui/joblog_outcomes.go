package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoist/app/session"
	"hoist/internal/words"
)

// The job log's "Save outcomes as CSV…": what Scene7 made of each file of the queue
// (file, asset ID, outcome, Scene7's words, link), for a spreadsheet or a campaign.

func (v *JobLogView) newSaveOutcomes() *widget.Button {
	b := widget.NewButtonWithIcon(words.T("joblog.save_outcomes", nil), theme.DocumentSaveIcon(), v.saveOutcomes)
	b.Disable()
	return b
}

// refreshOutcomes enables "Save outcomes as CSV…" while a row has an outcome from Scene7.
func (v *JobLogView) refreshOutcomes(t session.Totals) {
	if t.Outcome(session.Ready)+t.Outcome(session.ReadyWarnings)+t.Outcome(session.FailedInScene7)+t.Outcome(session.NoWordFromScene7)+t.Outcome(session.ReplacedInJob) > 0 {
		v.saveOutcomesBtn.Enable()
	} else {
		v.saveOutcomesBtn.Disable()
	}
}

// saveOutcomes asks where to save the outcomes and writes them there; without a published
// base the link column is empty and the status line says where to find the base.
func (v *JobLogView) saveOutcomes() {
	outs := session.FileOutcomes(v.q.Rows())
	base := ""
	if v.publishBase != nil {
		base = v.publishBase()
	}
	v.run(func() {
		path, err := v.pickers.SaveFile(words.T("joblog.save_outcomes.title", nil), "hoist-outcomes.csv")
		if errors.Is(err, ErrPickerCancelled) {
			return
		}
		if err == nil {
			err = session.SaveOutcomesCSV(path, outs, base)
		}
		msg := words.T("joblog.outcomes_saved", words.A{"Path": path})
		if err != nil {
			msg = words.T("joblog.outcomes_not_saved", words.A{"Reason": err.Error()})
		} else if base == "" {
			msg = joinSentences(msg, words.T("joblog.outcomes_no_base", words.A{"Where": words.WherePublishBase()}))
		}
		fyne.Do(func() { v.setStatus(msg) })
	})
}
