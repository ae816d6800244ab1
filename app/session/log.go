package session

import (
	"context"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"hoist/internal/sheet"
	"hoist/internal/words"
	"hoist/uploader"
)

// Level is how serious a log entry is.
type Level int

const (
	Info Level = iota
	Warning
	Error
)

func (l Level) String() string {
	switch l {
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "info"
}

// Source says who wrote an entry: Hoist itself, or the server's job log.
type Source int

const (
	Local Source = iota
	Server
)

func (s Source) String() string {
	if s == Server {
		return "server"
	}
	return "hoist"
}

// Entry is one line of the job log.
type Entry struct {
	Time    time.Time
	Level   Level
	Source  Source
	File    string // the file it is about, "" for the job
	Message string
}

// LogLen is the number of entries.
func (q *Queue) LogLen() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.log)
}

// Log returns a copy of the entries from index from on.
func (q *Queue) Log(from int) []Entry {
	q.mu.Lock()
	defer q.mu.Unlock()
	if from < 0 || from > len(q.log) {
		from = len(q.log)
	}
	return append([]Entry(nil), q.log[from:]...)
}

// ClearLog empties the job log.
func (q *Queue) ClearLog() {
	q.mu.Lock()
	q.log = nil
	obs := q.obs
	q.mu.Unlock()
	if obs.Log != nil {
		obs.Log()
	}
}

// note adds a line of Hoist's own to the job log: msg, a sentence in the current language
// (the log lives as long as the window, which speaks one language).
func (q *Queue) note(level Level, file, msg string) {
	q.appendLog(Entry{Time: time.Now(), Level: level, Source: Local, File: file, Message: msg})
}

func (q *Queue) appendLog(es ...Entry) {
	q.mu.Lock()
	q.log = append(q.log, es...)
	obs := q.obs
	q.mu.Unlock()
	if obs.Log != nil {
		obs.Log()
	}
}

// fetchServerLog appends the server's log of a job (getJobLogDetails), or a warning
// saying why it could not be read.
func (q *Queue) fetchServerLog(c uploader.Conn, handle string) {
	ctx, cancel := context.WithTimeout(context.Background(), serverLogTimeout)
	defer cancel()
	logs, err := q.cfg.ServerLog(ctx, c, handle)
	if err != nil {
		q.note(Warning, "", words.T("session.log.server_log_unread", words.A{"Job": handle, "Reason": err}))
		return
	}
	q.appendLog(ServerEntries(logs)...)
}

// ServerEntries turns the server's job logs into log entries: a summary line per job,
// then its lines.
func ServerEntries(logs []uploader.JobLog) []Entry {
	var out []Entry
	for _, l := range logs {
		when := l.EndDate.Time
		if when.IsZero() {
			when = time.Now()
		}
		// The job's name is the server's: written as every name (words.FileName).
		msg := words.N("session.log.server_summary", l.FileSuccessCount, words.A{"Job": words.FileName(l.JobName), "Total": l.TotalFileCount,
			"Errors": l.FileErrorCount, "Warnings": l.FileWarningCount, "Duplicates": l.FileDuplicateCount, "Updated": l.FileUpdateCount})
		lvl := Info
		if fatal := strings.TrimSpace(l.FatalError); fatal != "" && !strings.EqualFold(fatal, "false") {
			// An xsd:boolean in the schema; some servers put a message there instead.
			stop := words.T("session.log.server_fatal", nil)
			if !strings.EqualFold(fatal, "true") {
				stop = words.T("session.log.server_fatal_said", words.A{"Said": words.ServerText(strings.TrimRight(fatal, "."))})
			}
			msg = join(msg, stop)
			lvl = Error
		} else if l.FileErrorCount > 0 {
			lvl = Error
		} else if l.FileWarningCount > 0 {
			lvl = Warning
		}
		out = append(out, Entry{Time: when, Level: lvl, Source: Server, Message: msg})
		for _, d := range l.Details {
			t := d.Date.Time
			if t.IsZero() {
				t = when
			}
			out = append(out, Entry{Time: t, Level: serverLevel(d.LogType), Source: Server, File: d.AssetName, Message: d.LogMessage})
		}
	}
	return out
}

// serverLevel reads an IPS log type such as "Error", "Warning", "Info" or "FileUpdated".
func serverLevel(logType string) Level {
	t := strings.ToLower(logType)
	switch {
	case strings.Contains(t, "error") || strings.Contains(t, "fail"):
		return Error
	case strings.Contains(t, "warn"):
		return Warning
	}
	return Info
}

// timeLayout is the log's time stamp: local time to the millisecond, sortable.
const timeLayout = "2006-01-02 15:04:05.000"

// sheetTimeLayout is the CSV's time stamp, for Excel opening the file by double-click:
// it reads a cell as a date and time by the PC's regional settings, and a year-month-day
// date with a 24-hour time to the second is one in every region (France, Japan, the US).
// A fraction of a second is not: its decimal sign must be the region's, so
// "10:00:00.000" stayed text in French Excel (the comma is its decimal sign), and where
// Excel reads one it shows minutes and seconds only ("mm:ss.0"), the hour gone. The
// entries keep their order in the file; the text log keeps the milliseconds.
const sheetTimeLayout = "2006-01-02 15:04:05"

// Words is the level in the current language, for people; String is the level's code.
func (l Level) Words() string { return words.T("session.level."+l.String(), nil) }

// Words is the source in the current language, for people; String is its code.
func (s Source) Words() string { return words.T("session.source."+s.String(), nil) }

// Line is an entry as one line of text, in the current language: the window's job log
// and its text file. The file is written as every name (words.FileName), and the
// server's words with the same characters escaped (words.ServerText): a name Scene7 kept
// with a line break or a terminal's escape code (another client sent it; a file Hoist
// skipped for it is named too) would split the line, or act on a terminal showing the
// saved log. The entry keeps them as they are, for the CSV (a cell holds them).
func (e Entry) Line() string {
	file, msg := "", e.Message
	if e.File != "" {
		file = words.FileName(e.File) + ": "
	}
	if e.Source == Server {
		msg = words.ServerText(msg)
	}
	return e.Time.Local().Format(timeLayout) + "  " + pad(e.Level.Words(), 7) + " " + pad(e.Source.Words(), 6) + " " + file + msg
}

// pad fills s with spaces to n characters, so the columns of the text log line up.
func pad(s string, n int) string {
	if k := utf8.RuneCountInString(s); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s
}

// WriteText writes entries as plain text, one per line.
func WriteText(w io.Writer, entries []Entry) error {
	for _, e := range entries {
		if _, err := io.WriteString(w, e.Line()+"\n"); err != nil {
			return notWritten(err)
		}
	}
	return nil
}

// WriteCSV writes entries as CSV with a header row, for spreadsheets: it starts with a
// byte-order mark, for Excel (package sheet), and its cells are separated as Excel
// expects on this computer (sheet.ListSeparator: the regional list separator on Windows,
// else the window's language's, ';' in French), its times as Excel reads a date and time
// in every region (sheetTimeLayout). The column names,
// levels and sources are codes, the same in every language, for filters and scripts; the
// messages are in the window's language.
func WriteCSV(w io.Writer, entries []Entry) error {
	cw, err := sheet.NewWriter(w, sheet.ListSeparator(words.Current()))
	if err != nil {
		return notWritten(err)
	}
	if err := cw.Write([]string{"time", "level", "source", "file", "message"}); err != nil {
		return notWritten(err)
	}
	for _, e := range entries {
		rec := []string{e.Time.Local().Format(sheetTimeLayout), e.Level.String(), e.Source.String(), sheet.Cell(e.File), sheet.Cell(e.Message)}
		if err := cw.Write(rec); err != nil {
			return notWritten(err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return notWritten(err)
	}
	return nil
}

// notWritten says the job log could not be written out, and why.
func notWritten(err error) error {
	return words.Fail("session.log.not_written", words.A{"Reason": err}, err)
}

// notSaved says the job log could not be saved at path, and why.
func notSaved(path string, err error) error {
	return words.Fail("session.log.not_saved", words.A{"Path": path, "Reason": err}, err)
}

// SaveFile writes entries to a new file at path with write (WriteText or WriteCSV), so
// that the window itself never touches the disk.
func SaveFile(path string, entries []Entry, write func(io.Writer, []Entry) error) error {
	f, err := os.Create(path)
	if err != nil {
		return notSaved(path, err)
	}
	if err := write(f, entries); err != nil {
		f.Close()
		return notSaved(path, err)
	}
	return f.Close()
}
