package session

import (
	"os"

	"hoist/internal/sheet"
	"hoist/internal/words"
	"hoist/uploader"
)

// FileOutcomes are the rows Scene7 has finished with (ready, warnings, failed, no word,
// replaced with the file that replaced it), as the engine's outcomes, in the queue's
// order; rows not followed or still processing have no outcome yet and are left out.
func FileOutcomes(rows []Row) []uploader.FileOutcome {
	var out []uploader.FileOutcome
	for i, r := range rows {
		o, ok := r.Outcome.verdict()
		if !ok {
			continue
		}
		f := uploader.FileOutcome{Item: i, Rel: r.Rel, AssetID: r.AssetID, Outcome: o, Message: r.Said}
		if r.Outcome == ReplacedInJob {
			f.Message, f.ReplacedBy = "", r.ReplacedBy()
		}
		out = append(out, f)
	}
	return out
}

// SaveOutcomesCSV writes outs as CSV (uploader.WriteOutcomesCSV: file, asset ID, outcome,
// message, link from publishBase, replaced by) to a new file at path, so that the window
// itself never touches the disk. The file is for a person opening it in a spreadsheet: its
// cells are separated as Excel expects on this computer (sheet.ListSeparator).
func SaveOutcomesCSV(path string, outs []uploader.FileOutcome, publishBase string) error {
	// os's errors name the file and WriteOutcomesCSV's say "write outcomes": no wrapping needed.
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := uploader.WriteOutcomesCSV(f, outs, publishBase, sheet.ListSeparator(words.Current())); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// ReplacedBy is, for a row whose asset a later file of its job replaced (ReplacedInJob),
// that file; "" otherwise.
func (r Row) ReplacedBy() string {
	if r.Outcome == ReplacedInJob {
		return r.Said
	}
	return ""
}
