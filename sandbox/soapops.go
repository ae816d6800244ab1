package sandbox

import (
	"math"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// xsdDateTime formats a time as xsd:dateTime with milliseconds and the zone offset, as
// Java's Calendar serialiser does.
func xsdDateTime(t time.Time) string { return t.Format("2006-01-02T15:04:05.000Z07:00") }

// checkCompany accepts an empty (omitted) or the demo company handle.
func checkCompany(c string) *ipsFault {
	if c != "" && c != DemoCompany {
		return companyFault(c)
	}
	return nil
}

// checkLogin answers whether an e-mail and password are a valid login (for the company,
// when one is named).
func (s *Server) checkLogin(p *node) (string, *ipsFault) {
	if f := checkCompany(p.text("companyHandle")); f != nil {
		return "", f
	}
	status := "InvalidLogin"
	if strings.EqualFold(p.text("email"), DemoUser) && p.text("password") == DemoPassword {
		status = "ValidLogin"
	}
	return `<checkLoginReturn xmlns="` + nsIPS2014 + `"><status>` + status + `</status></checkLoginReturn>`, nil
}

// getActiveJobs lists the active upload jobs (taking files, or processing them after
// endJob), filtered by company, handle and name.
func (s *Server) getActiveJobs(p *node) (string, *ipsFault) {
	if f := checkCompany(p.text("companyHandle")); f != nil {
		return "", f
	}
	handle, name := p.text("jobHandle"), p.text("originalName")
	var sb strings.Builder
	sb.WriteString(`<getActiveJobsReturn xmlns="` + nsIPS2014 + `"><jobArray>`)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expireIdleLocked(time.Now())
	for _, j := range s.sortedJobsLocked() {
		if !j.active() || (handle != "" && j.handle != handle) || (name != "" && j.name != name) {
			continue
		}
		sb.WriteString("<items>")
		elem(&sb, "companyHandle", j.company)
		elem(&sb, "jobHandle", j.handle)
		elem(&sb, "name", j.name)
		elem(&sb, "originalName", j.name)
		elem(&sb, "type", "UploadFile")
		elem(&sb, "state", "Running")
		elem(&sb, "submitUserEmail", j.user)
		if j.locale != "" {
			elem(&sb, "locale", j.locale)
		}
		if j.description != "" {
			elem(&sb, "description", j.description)
		}
		elem(&sb, "serverName", "hoist-sandbox")
		elem(&sb, "startDate", xsdDateTime(j.start))
		// triggerTime and taskProgressArray are required by the WSDL
		// (docs/protocol.md §getActiveJobs): an upload job is triggered by its first
		// POST and reports no tasks.
		elem(&sb, "triggerTime", xsdDateTime(j.start))
		elem(&sb, "totalSize", strconv.FormatInt(min(j.totalSize, math.MaxInt32), 10))
		// progress counts the files received so far: an upload job has no total.
		elem(&sb, "progress", strconv.Itoa(j.total))
		if j.state == JobProcessing {
			elem(&sb, "progressMessage", "Processing "+strconv.Itoa(len(j.pending))+" file(s)")
		} else {
			elem(&sb, "progressMessage", strconv.Itoa(j.total)+" file(s) received")
		}
		elem(&sb, "lastProgressUpdate", xsdDateTime(j.last))
		sb.WriteString("<taskProgressArray/>")
		if j.options != nil {
			sb.WriteString("<uploadPostJob>")
			for _, k := range j.options.Kids {
				writeNode(&sb, k)
			}
			sb.WriteString("</uploadPostJob>")
		}
		sb.WriteString("</items>")
	}
	sb.WriteString(`</jobArray></getActiveJobsReturn>`)
	return sb.String(), nil
}

// getJobLogDetails returns the logs of the company's jobs of the last hour, running or
// ended, filtered by handle and name. Paging, log type filter and sorting apply to
// each job's detail rows (detailTotalRows counts them before paging).
func (s *Server) getJobLogDetails(p *node) (string, *ipsFault) {
	company := p.text("companyHandle")
	if company != DemoCompany {
		return "", companyFault(company)
	}
	handle, name := p.text("jobHandle"), p.text("originalName")
	perPage, page := 1000, 1
	if v, err := strconv.Atoi(strings.TrimSpace(p.text("recordsPerPage"))); err == nil {
		perPage = v
	}
	if v, err := strconv.Atoi(strings.TrimSpace(p.text("resultsPage"))); err == nil {
		page = v
	}
	types := map[string]bool{}
	if lt := p.child("logTypeArray"); lt != nil {
		for _, k := range lt.Kids {
			types[k.Text] = true
		}
	}
	// Without sortBy or sortDirection the rows keep the log's own order.
	sorted := p.has("sortBy") || p.has("sortDirection")
	byType := p.text("sortBy") == "LogType"
	descending := p.text("sortDirection") == "Descending"

	var sb strings.Builder
	sb.WriteString(`<getJobLogDetailsReturn xmlns="` + nsIPS2014 + `"><jobLogArray>`)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expireIdleLocked(time.Now())
	for _, j := range s.sortedJobsLocked() {
		if j.company != company || (handle != "" && j.handle != handle) || (name != "" && j.name != name) {
			continue
		}
		var rows []LogEntry
		for _, e := range j.log {
			if len(types) == 0 || types[e.Type] {
				rows = append(rows, e)
			}
		}
		if sorted {
			sortRows(rows, byType, descending)
		}
		total := len(rows)
		from := min((page-1)*perPage, total)
		rows = rows[from:min(from+perPage, total)]
		writeJobLog(&sb, j, rows, total)
	}
	sb.WriteString(`</jobLogArray></getJobLogDetailsReturn>`)
	return sb.String(), nil
}

// writeJobLog writes one JobLog item, elements in schema order.
func writeJobLog(sb *strings.Builder, j *job, rows []LogEntry, total int) {
	logType := "BeginUpload"
	if !j.active() {
		logType = "EndUpload"
	}
	sb.WriteString("<items>")
	elem(sb, "companyHandle", j.company)
	elem(sb, "jobHandle", j.handle)
	elem(sb, "jobName", j.name)
	elem(sb, "originalJobName", j.name)
	elem(sb, "submitUserEmail", j.user)
	elem(sb, "logType", logType)
	elem(sb, "jobSubType", "UploadFile")
	elem(sb, "startDate", xsdDateTime(j.start))
	if !j.active() {
		elem(sb, "endDate", xsdDateTime(j.end))
	}
	elem(sb, "description", j.description)
	// A skipped duplicate counts as a duplicate and as a warning; so does a file processed
	// with a warning.
	for _, c := range []struct {
		name string
		n    int
	}{
		{"fileSuccessCount", j.success}, {"fileErrorCount", j.errors},
		{"fileWarningCount", j.duplicates + j.warnings}, {"fileDuplicateCount", j.duplicates},
		{"fileUpdateCount", j.updates}, {"totalFileCount", j.total},
		{"transferSuccessCount", j.total}, {"transferErrorCount", 0}, {"transferWarningCount", 0},
	} {
		elem(sb, c.name, strconv.Itoa(c.n))
	}
	elem(sb, "fatalError", "false")
	elem(sb, "detailTotalRows", strconv.Itoa(total))
	sb.WriteString("<detailArray>")
	for _, e := range rows {
		sb.WriteString("<items>")
		elem(sb, "logMessage", e.Message)
		elem(sb, "logType", e.Type)
		elem(sb, "dateCreated", xsdDateTime(e.Time))
		if e.Asset != "" {
			// assetName is the asset ID (docs/protocol.md §Asset names), or the path
			// when nothing of the name is left to make one.
			name := e.AssetID
			if name == "" {
				name = e.Asset
			}
			elem(sb, "assetName", name)
			elem(sb, "assetType", assetType(e.Asset))
		}
		sb.WriteString("</items>")
	}
	sb.WriteString("</detailArray></items>")
}

// assetType guesses the IPS asset type from the file extension. The type names are the
// IPS string constants as far as known (unverified beyond Image, Video and Pdf).
func assetType(asset string) string {
	switch strings.ToLower(path.Ext(asset)) {
	case ".jpg", ".jpeg", ".png", ".gif", ".tif", ".tiff", ".bmp", ".psd", ".webp":
		return "Image"
	case ".mp4", ".mov", ".avi", ".m4v", ".wmv", ".flv", ".webm", ".mpg", ".mpeg":
		return "Video"
	case ".pdf":
		return "Pdf"
	case ".zip", ".tar":
		return "Zip"
	}
	return "Unknown"
}

// sortRows orders detail rows by date, or by log type then date.
func sortRows(rows []LogEntry, byType, descending bool) {
	sort.SliceStable(rows, func(a, b int) bool {
		if byType && rows[a].Type != rows[b].Type {
			return (rows[a].Type < rows[b].Type) != descending
		}
		if rows[a].Time.Equal(rows[b].Time) {
			return false
		}
		return rows[a].Time.Before(rows[b].Time) != descending
	})
}
