package uploader

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// outcomeColumns are the CSV's columns. "replaced by" came last so that the columns
// before it keep their places for the spreadsheets and scripts that read them by
// position; it is a column of its own, not words in "message", because "message" is
// Scene7's own words and a path alone can be sorted and filtered on.
var outcomeColumns = []string{"file", "asset ID", "outcome", "message", "link", "replaced by"}

// WriteOutcomesCSV writes the outcomes as CSV for spreadsheets: file, asset ID, outcome,
// message (Scene7's words), link (empty without a published base, or for a file that
// is not ready) and, for a replaced file, the later file of its job that replaced it.
func WriteOutcomesCSV(w io.Writer, outs []FileOutcome, publishBase string) error {
	cw := csv.NewWriter(w)
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
		rec := []string{csvCell(o.Rel), csvCell(o.AssetID), o.Outcome.String(), csvCell(o.Message), link, csvCell(replacedBy)}
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

// csvCell keeps a spreadsheet from reading a file name such as "=SUM(A1)" as a formula.
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
