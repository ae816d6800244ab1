package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"hoist/internal/words"
	"hoist/uploader"
)

// apiTimeout bounds one SOAP call or connection test: these are small requests, and a
// script waiting on a dead server should hear about it.
const apiTimeout = 60 * time.Second

var checkLoginCommand = &command{
	name:    "check-login",
	summary: "cli.check_login.summary",
	more:    []string{"cli.check_login.more", "cli.help.password"},
	examples: []string{
		`printf '%s\n' "$PASSWORD" | hoist check-login --password-stdin --user me@example.com --company 'c|2101'`,
		`hoist check-login --profile Production --details`,
		`HOIST_PASSWORD=password01 hoist check-login --service drsum --endpoint https://drsum.example.com/api/v1.0/file/upload --user apiuser01`,
	},
	flags: func(fs *flag.FlagSet) { newAdminFlags(fs, false) },
	run:   runCheckLogin,
}

var jobsCommand = &command{
	name:    "jobs",
	summary: "cli.jobs.summary",
	more:    []string{"cli.jobs.more", "cli.help.password"},
	examples: []string{
		`hoist jobs --profile Production`,
		`HOIST_PASSWORD=... hoist jobs --user me@example.com --company 'c|2101' --json`,
	},
	flags: func(fs *flag.FlagSet) { newAdminFlags(fs, true) },
	run:   runJobs,
}

var jobLogCommand = &command{
	name:    "job-log",
	args:    "JOBHANDLE",
	summary: "cli.job_log.summary",
	more:    []string{"cli.job_log.more", "cli.help.password"},
	examples: []string{
		`hoist job-log --profile Production 'j|2101||uploadFileServlet-1376682217351|54091'`,
		`HOIST_PASSWORD=... hoist job-log --user me@example.com --company 'c|2101' --json JOBHANDLE`,
		`hoist job-log --profile Production --csv JOBHANDLE > outcomes.csv`,
	},
	flags: func(fs *flag.FlagSet) { newAdminFlags(fs, true).addCSV() },
	run:   runJobLog,
}

type adminFlags struct {
	fs      *flag.FlagSet
	conn    *connFlags
	json    bool
	csv     bool
	details bool
}

func (f *adminFlags) addCSV() *adminFlags {
	f.fs.BoolVar(&f.csv, "csv", false, words.T("cli.flag.csv", nil))
	return f
}

func newAdminFlags(fs *flag.FlagSet, withJSON bool) *adminFlags {
	f := &adminFlags{fs: fs, conn: addConnFlags(fs)}
	f.conn.net = addNetFlags(fs, false)
	if withJSON {
		fs.BoolVar(&f.json, "json", false, words.T("cli.flag.json_table", nil))
	}
	fs.BoolVar(&f.details, "details", false, words.T("cli.flag.details", nil))
	return f
}

// session is what an admin command needs once its flags are checked.
type session struct {
	conn conn
	http *http.Client
}

// adminSpec says what an admin command takes.
type adminSpec struct {
	args       int  // positional arguments
	json       bool // has --json
	scene7Only bool // Dr.Sum has no such call
	company    bool // --company is required
	csv        bool // has --csv
}

// start parses an admin command's flags and resolves its connection and password. On a
// problem it returns a nil session and the exit status.
func (c *cli) start(cmd *command, args []string, spec adminSpec) (*adminFlags, []string, *session, int) {
	fs := flag.NewFlagSet("hoist "+cmd.name, flag.ContinueOnError)
	f := newAdminFlags(fs, spec.json)
	if spec.csv {
		f.addCSV()
	}
	pos, err := c.parse(cmd, fs, args)
	if err != nil {
		return nil, nil, nil, exitFor(err)
	}
	var problems []string
	if len(pos) != spec.args {
		problems = append(problems, argCount(cmd, spec.args, len(pos)))
	}
	cn, err := c.resolve(f.conn)
	if err != nil {
		problems = append(problems, words.Error(err))
	}
	problems = append(problems, f.conn.net.problems()...)
	problems = append(problems, cn.proxyProblems()...)
	if spec.scene7Only && cn.Endpoint.Service == uploader.DrSum {
		problems = append(problems, words.T("cli.problem.scene7_only", words.A{"Command": cmd.name}))
	}
	if cn.Credentials.User == "" && cn.Endpoint.Service != "" {
		problems = append(problems, words.T("cli.problem.user", nil))
	}
	if spec.company && cn.Company == "" && cn.Endpoint.Service != "" {
		problems = append(problems, words.T("cli.problem.job_log_company", nil))
	}
	if len(problems) > 0 {
		return nil, nil, nil, exitFor(c.problems(cmd, problems))
	}
	pw, err := c.password(f.conn, cn)
	if err != nil {
		return nil, nil, nil, exitFor(c.problems(cmd, []string{words.Error(err)}))
	}
	// The engine's HTTP client (no redirects, which would turn a POST into a GET), with
	// an overall deadline: these calls are small.
	client := *uploader.NewClient(f.conn.net.apply).HTTP // --proxy, --ca-file
	client.Timeout = apiTimeout
	if setFlags(fs)["stall-timeout"] {
		client.Timeout = f.conn.net.stallTimeout // a call is one request: its whole wait
	}
	cn.Credentials.Password = pw
	return f, pos, &session{conn: cn, http: &client}, exitOK
}

// argCount says how many arguments cmd takes, and how many it got.
func argCount(cmd *command, want, got int) string {
	if want == 0 {
		return words.N("cli.problem.no_arguments", got, words.A{"Command": cmd.name})
	}
	return words.N("cli.problem.one_argument", got, words.A{"Command": cmd.name, "Arg": cmd.args})
}

func (s *session) api() *uploader.API {
	return &uploader.API{HTTP: s.http, Conn: s.conn.Conn}
}

func runCheckLogin(c *cli, cmd *command, args []string) int {
	f, _, s, code := c.start(cmd, args, adminSpec{})
	if s == nil {
		return code
	}
	v, err := uploader.TestConnection(c.ctx, s.http, s.conn.Conn)
	if f.details {
		printExchange(c.stderr, v.Exchange)
	}
	if v.OK {
		fmt.Fprintln(c.stdout, words.Verdict(v))
		return exitOK
	}
	if v.Err == nil && v.Kind == uploader.VerdictFailed {
		v.Err = err
	}
	c.complain(cmd.name, words.Verdict(v))
	c.caHint(cmd, v.Err)
	return exitFailed
}

// caHint follows the sentence of a server certificate that could not be verified with
// the command line's remedy for a private CA, which that sentence (the window's too)
// leaves to the IT team: --ca-file.
func (c *cli) caHint(cmd *command, err error) {
	if err != nil && uploader.BadCertificate(err) {
		c.complain(cmd.name, words.T("cli.hint.ca_file", nil))
	}
}

func runJobs(c *cli, cmd *command, args []string) int {
	f, _, s, code := c.start(cmd, args, adminSpec{json: true, scene7Only: true})
	if s == nil {
		return code
	}
	jobs, ex, err := s.api().ActiveJobs(c.ctx, "")
	if f.details {
		printExchange(c.stderr, ex)
	}
	if err != nil {
		c.complain(cmd.name, words.Error(err))
		c.caHint(cmd, err)
		return exitFailed
	}
	if f.json {
		enc := jsonLines(c.stdout)
		for _, j := range jobs {
			_ = enc.Encode(jsonJob{
				Handle: j.JobHandle, Name: j.Name, OriginalName: j.OriginalName, Company: j.CompanyHandle,
				Type: j.Type, State: j.State, User: j.SubmitUserEmail, Started: jsonTime(j.StartDate),
				Progress: j.Progress, ProgressMessage: j.ProgressMessage, LastUpdate: jsonTime(j.LastProgressUpdate),
				TotalSize: j.TotalSize, Description: j.Description,
			})
		}
		return exitOK
	}
	if len(jobs) == 0 {
		fmt.Fprintln(c.stdout, words.T("cli.jobs.none", nil))
		return exitOK
	}
	t := newTable("", words.T("cli.jobs.header", nil))
	for _, j := range jobs {
		progress := words.ServerText(j.ProgressMessage)
		if progress == "" {
			progress = fmt.Sprintf("%g", j.Progress)
		}
		// The server's names and words go through words, as every name the CLI prints:
		// a control character in them would act on the terminal (see printJobLog).
		t.add(words.FileName(j.JobHandle), words.FileName(j.Name), words.ServerText(j.State), progress, logDate(j.StartDate))
	}
	t.write(c.stdout)
	return exitOK
}

func runJobLog(c *cli, cmd *command, args []string) int {
	f, pos, s, code := c.start(cmd, args, adminSpec{args: 1, json: true, scene7Only: true, company: true, csv: true})
	if s == nil {
		return code
	}
	handle := pos[0]
	logs, ex, err := s.api().JobLog(c.ctx, handle)
	if f.details {
		printExchange(c.stderr, ex)
	}
	if err != nil {
		c.complain(cmd.name, words.Error(err))
		c.caHint(cmd, err)
		return exitFailed
	}
	if len(logs) == 0 {
		c.complain(cmd.name, words.T("cli.job_log.none", words.A{"Handle": handle, "Company": s.conn.Company}))
		return exitFailed
	}
	base := s.conn.publishBase
	switch {
	case f.csv:
		var outs []uploader.FileOutcome
		for _, l := range logs {
			outs = append(outs, uploader.MatchOutcomes([]uploader.JobLog{l}, "", nil)...)
		}
		if err := uploader.WriteOutcomesCSV(c.stdout, outs, base, ','); err != nil {
			c.complain(cmd.name, words.T("cli.job_log.csv_failed", words.A{"Reason": err.Error()}))
			return exitFailed
		}
	case f.json:
		enc := jsonLines(c.stdout)
		for _, l := range logs {
			_ = enc.Encode(toJSONLog(l, base))
		}
	default:
		for i, l := range logs {
			if i > 0 {
				fmt.Fprintln(c.stdout)
			}
			printJobLog(c.stdout, l)
			outs := uploader.MatchOutcomes([]uploader.JobLog{l}, "", nil)
			printOutcomes(c.stdout, outs, base)
			printFileCount(c.stdout, l, outs)
		}
	}
	return exitOK
}

// printFileCount says why the rows of a job's log are not as many as the job's files,
// when they are not: files with no line of their own, or a file named in two ways.
func printFileCount(w io.Writer, l uploader.JobLog, outs []uploader.FileOutcome) {
	named := uploader.TallyOutcomes(outs).Files
	switch {
	case len(outs) == 0 || named == l.TotalFileCount:
	case named < l.TotalFileCount:
		fmt.Fprintf(w, "  %s\n", words.N("cli.job_log.unnamed", l.TotalFileCount-named, nil))
	default:
		fmt.Fprintf(w, "  %s\n", words.N("cli.job_log.extra", l.TotalFileCount, words.A{"Named": named}))
	}
}

// printJobLog writes a job's log for people. Every name in it (the job's, its handle, the
// user's, each line's asset) is the server's, written as the CLI writes any name
// (words.FileName), and its words (types, messages) with the same characters escaped
// (words.ServerText): a name with a line break or a terminal's escape code, which Scene7
// keeps as it was sent, must not break the table or act on the terminal.
func printJobLog(w io.Writer, l uploader.JobLog) {
	fmt.Fprintln(w, words.T("cli.job_log.title", words.A{"Name": words.FileName(l.JobName), "Handle": words.FileName(l.JobHandle)}))
	id := "cli.job_log.by"
	if l.EndDate.Raw != "" {
		id = "cli.job_log.by_ended"
	}
	fmt.Fprintln(w, "  "+words.T(id, words.A{"User": words.FileName(l.SubmitUserEmail), "Type": words.ServerText(l.LogType),
		"Started": logDate(l.StartDate), "Ended": logDate(l.EndDate)}))
	fmt.Fprintln(w, "  "+words.N("cli.job_log.counts", l.TotalFileCount, words.A{
		"Succeeded": l.FileSuccessCount, "Errors": l.FileErrorCount, "Warnings": l.FileWarningCount,
		"Duplicates": l.FileDuplicateCount, "Updated": l.FileUpdateCount,
	}))
	if fe := strings.TrimSpace(l.FatalError); fe != "" && fe != "false" {
		fmt.Fprintln(w, "  "+words.T("cli.job_log.fatal", words.A{"Error": words.ServerText(fe)}))
	}
	if len(l.Details) == 0 {
		return
	}
	t := newTable("  ", words.T("cli.job_log.header", nil))
	for _, d := range l.Details {
		t.add(logDate(d.Date), words.ServerText(d.LogType), words.FileName(d.AssetName), words.ServerText(d.LogMessage))
	}
	t.write(w)
}

// logDate writes a date of the server in the language's form, or as the server wrote it
// when it could not be read.
func logDate(t uploader.Timestamp) string {
	if t.IsZero() {
		return t.Raw
	}
	local := t.Local()
	return words.Date(local) + " " + words.Time(local)
}

// printExchange shows what a call sent (the password already masked by the engine) and
// what came back. The answer is the server's bytes as they came, and the certificate's
// names are the server's too: they reach the terminal escaped as every server's words
// (words.ServerLines keeps the answer's own lines), so that a control character or an
// escape code in them shows instead of acting on the terminal; the request and the
// address are escaped alike, as they carry names (a job's, a pasted handle).
func printExchange(w io.Writer, ex uploader.Exchange) {
	fmt.Fprintln(w, words.T("cli.exchange.title", words.A{
		"Operation": ex.Operation, "URL": words.ServerText(ex.URL), "Status": ex.Status, "Took": words.Duration(ex.Duration),
	}))
	if ex.TLS != nil {
		fmt.Fprintln(w, words.T("cli.exchange.certificate", words.A{
			"Subject": words.ServerText(ex.TLS.Subject), "Issuer": words.ServerText(ex.TLS.Issuer), "Until": words.Date(ex.TLS.NotAfter),
		}))
	}
	fmt.Fprintln(w, words.T("cli.exchange.request", nil))
	fmt.Fprintln(w, words.ServerLines(ex.Request))
	fmt.Fprintln(w, words.T("cli.exchange.response", nil))
	fmt.Fprintln(w, words.ServerLines(ex.Response))
	fmt.Fprintln(w, "---")
}

// jsonLines writes one JSON object per line; names with <&> stay readable.
func jsonLines(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

// jsonTime is RFC 3339 when the server's date could be read, its own text otherwise.
func jsonTime(t uploader.Timestamp) string {
	if t.IsZero() {
		return t.Raw
	}
	return t.Format(time.RFC3339Nano)
}

type jsonJob struct {
	Handle          string  `json:"handle"`
	Name            string  `json:"name"`
	OriginalName    string  `json:"original_name,omitempty"`
	Company         string  `json:"company,omitempty"`
	Type            string  `json:"type,omitempty"`
	State           string  `json:"state"`
	User            string  `json:"user,omitempty"`
	Started         string  `json:"started,omitempty"`
	Progress        float64 `json:"progress"`
	ProgressMessage string  `json:"progress_message,omitempty"`
	LastUpdate      string  `json:"last_update,omitempty"`
	TotalSize       int64   `json:"total_size"`
	Description     string  `json:"description,omitempty"`
}

type jsonJobLog struct {
	Handle     string        `json:"handle"`
	Name       string        `json:"name"`
	Company    string        `json:"company"`
	User       string        `json:"user,omitempty"`
	Type       string        `json:"type,omitempty"`
	Started    string        `json:"started,omitempty"`
	Ended      string        `json:"ended,omitempty"`
	Total      int           `json:"total_files"`
	Success    int           `json:"success"`
	Errors     int           `json:"errors"`
	Warnings   int           `json:"warnings"`
	Duplicates int           `json:"duplicates"`
	Updates    int           `json:"updates"`
	FatalError string        `json:"fatal_error,omitempty"`
	Lines      []jsonLogLine `json:"lines"`
	Files      []jsonOutcome `json:"files"`
}

// jsonOutcome is what became of one file of the job.
type jsonOutcome struct {
	File    string           `json:"file"`
	AssetID string           `json:"asset_id"`
	Outcome uploader.Outcome `json:"outcome"`
	LogType string           `json:"log_type,omitempty"`
	Message string           `json:"message,omitempty"`
	Link    string           `json:"link,omitempty"`
	// ReplacedBy is, for "replaced", the later file of the job that took its asset.
	ReplacedBy string `json:"replaced_by,omitempty"`
}

type jsonLogLine struct {
	Time    string `json:"time,omitempty"`
	Type    string `json:"type"`
	Asset   string `json:"asset,omitempty"`
	Message string `json:"message"`
}

func toJSONLog(l uploader.JobLog, base string) jsonJobLog {
	j := jsonJobLog{
		Handle: l.JobHandle, Name: l.JobName, Company: l.CompanyHandle, User: l.SubmitUserEmail, Type: l.LogType,
		Started: jsonTime(l.StartDate), Ended: jsonTime(l.EndDate), Total: l.TotalFileCount,
		Success: l.FileSuccessCount, Errors: l.FileErrorCount, Warnings: l.FileWarningCount,
		Duplicates: l.FileDuplicateCount, Updates: l.FileUpdateCount, Lines: []jsonLogLine{}, Files: []jsonOutcome{},
	}
	for _, o := range uploader.MatchOutcomes([]uploader.JobLog{l}, "", nil) {
		jo := jsonOutcome{File: o.Rel, AssetID: o.AssetID, Outcome: o.Outcome, LogType: o.LogType, Message: o.Message, ReplacedBy: o.ReplacedBy}
		if o.Outcome == uploader.Processed || o.Outcome == uploader.Warnings {
			jo.Link, _ = uploader.PublishLink(base, o.AssetID)
		}
		j.Files = append(j.Files, jo)
	}
	if fe := strings.TrimSpace(l.FatalError); fe != "false" {
		j.FatalError = fe
	}
	for _, d := range l.Details {
		j.Lines = append(j.Lines, jsonLogLine{Time: jsonTime(d.Date), Type: d.LogType, Asset: d.AssetName, Message: d.LogMessage})
	}
	return j
}
