package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hoist/internal/words"
	"hoist/uploader"
)

// outcomeTable shows what Scene7 made of each asset a job's log names (file or asset,
// outcome, Scene7's words), as `hoist job-log` prints it: uploader.MatchOutcomes.
type outcomeTable struct {
	outs    []uploader.FileOutcome
	table   *widget.Table
	widths  [len(outcomeColumns)]float32
	Content fyne.CanvasObject // the table, its last column as wide as the space left
}

// outcomeColumns are the least widths of file or asset, outcome, and Scene7's words.
var outcomeColumns = [...]float32{240, 170, 420}

func newOutcomeTable() *outcomeTable {
	t := &outcomeTable{}
	// A cell is a pathLabel: a long path keeps its file name, "campaign/…/hero.jpg", where
	// a label cut at its end showed the folders alone ("campaign/spring-2026/social/in…").
	cell := func() fyne.CanvasObject { return newPathLabel() }
	t.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(t.outs), len(outcomeColumns) },
		cell,
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < 0 || id.Row >= len(t.outs) {
				return
			}
			f := t.outs[id.Row]
			l := o.(*pathLabel)
			l.Importance = widget.MediumImportance
			// The names and words are the server's, written as everywhere else
			// (words.FileName, words.ServerText): a line break in one would hide the
			// rest of the cell behind it.
			switch id.Col {
			case 0:
				l.SetPath(words.FileName(f.Rel))
			case 1:
				l.Importance = outcomeImportance(f.Outcome)
				l.SetPlain(outcomeWord(f.Outcome))
			default:
				l.SetPlain(words.ServerText(f.Message))
				if f.Outcome == uploader.Replaced {
					l.SetPlain(words.Outcome(f)) // which file replaced it
				}
			}
		})
	t.table.ShowHeaderColumn = false
	t.table.CreateHeader = cell
	t.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*pathLabel)
		l.TextStyle.Bold = true
		switch id.Col {
		case 0:
			l.SetPlain(words.T("admin.outcomes.file", nil))
		case 1:
			l.SetPlain(words.T("admin.outcomes.outcome", nil))
		default:
			l.SetPlain(words.T("admin.outcomes.message", nil))
		}
	}
	t.Content = container.New(fillLastColumn{t}, t.table)
	return t
}

// set shows the outcomes of the job's logs.
func (t *outcomeTable) set(logs []uploader.JobLog) {
	t.outs = t.outs[:0]
	for _, l := range logs {
		t.outs = append(t.outs, uploader.MatchOutcomes([]uploader.JobLog{l}, "", nil)...)
	}
	t.table.Refresh()
}

// outcomeWord is an outcome as people read it.
func outcomeWord(o uploader.Outcome) string {
	switch o {
	case uploader.Processed:
		return words.T("admin.outcome.processed", nil)
	case uploader.Warnings:
		return words.T("admin.outcome.warnings", nil)
	case uploader.Failed:
		return words.T("admin.outcome.failed", nil)
	case uploader.Replaced:
		return words.T("admin.outcome.replaced", nil)
	}
	return words.T("admin.outcome.no_word", nil)
}

func outcomeImportance(o uploader.Outcome) widget.Importance {
	switch o {
	case uploader.Processed:
		return widget.SuccessImportance
	case uploader.Warnings, uploader.Replaced:
		return widget.WarningImportance
	case uploader.Failed:
		return widget.DangerImportance
	}
	return widget.MediumImportance
}
