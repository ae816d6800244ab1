package uploader

import (
	"fmt"
	"io"

	"hoist/internal/sheet"
)

// outcomeColumns are the CSV's columns. "replaced by" came last so that the columns
// before it keep their places for the spreadsheets and scripts that read them by
// position; it is a column of its own, not words in "message", because "message" is
// Scene7's own words and a path alone can be sorted and filtered on.
var outcomeColumns = []string{"file", "asset ID", "outcome", "message", "link", "replaced by"}

// WriteOutcomesCSV writes the outcomes as CSV for spreadsheets: file, asset ID, outcome,
// message (Scene7's words), link (empty without a published base, or for a file that
// is not ready) and, for a replaced file, the later file of its job that replaced it.
// The file starts with a byte-order mark, for Excel (package sheet). The column names
// stay these in every language: scripts and spreadsheet queries find columns by them
// (README "The command line"). comma separates the cells: ',' for programs and the
// command line, sheet.ListSeparator's for a person's spreadsheet.
func WriteOutcomesCSV(w io.Writer, outs []FileOutcome, publishBase string, comma rune) error {
	cw, err := sheet.NewWriter(w, comma)
	if err != nil {
		return fmt.Errorf("write outcomes: %w", err)
	}
	if err := cw.Write(outcomeColumns); err != nil {
		return fmt.Errorf("write outcomes: %w", err)
	}
	for _, o := range outs {
		link, replacedBy := "", ""
		switch o.Outcome {
		case Processed, Warnings:
			link, _ = PublishLink(publishBase, o.AssetID)
		case Replaced:
			replacedBy = o.ReplacedBy
		}
		rec := []string{sheet.Cell(o.Rel), sheet.Cell(o.AssetID), o.Outcome.String(), sheet.Cell(o.Message), link, sheet.Cell(replacedBy)}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("write outcomes: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write outcomes: %w", err)
	}
	return nil
}
