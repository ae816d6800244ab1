package words

import (
	"context"
	"errors"
	"net/http"
	"net/url"

	"hoist/uploader"
)

// The servers' answers that are not what the protocol says (*uploader.ReplyError) and
// Dr.Sum's refusals (*uploader.DrSumError, by its error codes:
// docs/protocol.md §Dr.Sum upload).

func replyError(err error) (string, bool) {
	var e *uploader.ReplyError
	if !errors.As(err, &e) {
		return "", false
	}
	host := e.Host
	if host == "" {
		host = T("err.reply.the_address", nil)
	}
	a := A{"Host": host, "Status": e.Status}
	// said is the sentence of an upload's answer (err.reply.x), or of the Scene7 API's
	// (err.reply.api.x: Test connection, hoist jobs, job-log), which no upload is about.
	said := func(x string) string {
		if e.API {
			return T("err.reply.api."+x, a)
		}
		return T("err.reply."+x, a)
	}
	if x, ok := redirected(e.Status, e.Host, e.Location, a); ok {
		return said(x), true
	}
	if e.Err != nil && (errors.Is(e.Err, context.DeadlineExceeded) || isTimeout(e.Err)) {
		// The answer began and did not end in time (a server trickling its body): the
		// server did not answer in time, not "HTTP 200 without an answer".
		if e.Host == "" {
			return T("err.net.timeout.server", nil), true
		}
		return T("err.net.timeout", A{"Host": e.Host}), true
	}
	switch {
	case e.Kind == uploader.ReplyEarly:
		return T("err.reply.early", a), true
	case e.Kind == uploader.ReplyHTML && e.Status/100 == 2:
		return said("html"), true
	case e.Kind == uploader.ReplyUnexpectedBody:
		return T("err.reply.unexpected_body", a), true
	case e.Status == http.StatusProxyAuthRequired:
		return T("err.reply.proxy_login", nil), true
	case e.Status == http.StatusNotFound:
		return T("err.reply.not_found", nil), true
	case e.Status == http.StatusUnauthorized || e.Status == http.StatusForbidden:
		return T("err.reply.refused_access", a), true
	case e.Status/100 == 2:
		return said("no_reply"), true
	case e.Status == http.StatusTooManyRequests || e.Status == http.StatusServiceUnavailable:
		return said("busy"), true
	case e.Transient():
		return said("server_error"), true
	}
	return T("err.reply.unknown", a), true
}

// drsumCodes are the sentences of Dr.Sum's error codes, in the order they are said when
// an answer carries several.
var drsumCodes = []struct{ code, id string }{
	{uploader.DrSumNoRequiredParameter, "err.drsum.no_required_parameter"},
	{uploader.DrSumNotUnderRootPath, "err.drsum.not_under_root_path"},
	{uploader.DrSumFileLimitExceeded, "err.drsum.file_limit_exceeded"},
	{uploader.DrSumInvalidParameterValue, "err.drsum.invalid_parameter_value"},
	{uploader.DrSumRequestParameterLimitExceed, "err.drsum.request_parameter_limit_exceeded"},
	{uploader.DrSumFileAlreadyExists, "err.drsum.file_already_exists"},
	{uploader.DrSumInvalidSettingJSON, "err.drsum.invalid_setting_json"},
	{uploader.DrSumIOError, "err.drsum.io_error"},
}

// drsumError says what happened and what to change, one sentence per code found. A file
// that already exists is a setting to change when Overwrite was off, and the server
// refusing to replace it when it was on.
func drsumError(err error) (string, bool) {
	var e *uploader.DrSumError
	if !errors.As(err, &e) {
		return "", false
	}
	if e.AfterLostAnswer && e.Has(uploader.DrSumFileAlreadyExists) {
		return T("err.drsum.after_lost_answer", nil), true
	}
	exists := "err.drsum.file_already_exists"
	if e.Overwrite {
		exists = "err.drsum.exists_despite_overwrite"
	}
	var out string
	for _, k := range drsumCodes {
		if !e.Has(k.code) {
			continue
		}
		id := k.id
		if k.code == uploader.DrSumFileAlreadyExists {
			id = exists
		}
		out = join(out, T(id, nil))
	}
	if out != "" {
		return out, true
	}
	a := A{"Status": e.Status}
	if e.Host != "" {
		ra := A{"Host": e.Host}
		if x, ok := redirected(e.Status, e.Host, e.Location, ra); ok {
			return T("err.reply."+x, ra), true
		}
	}
	switch {
	case e.Status == http.StatusUnauthorized:
		return T("err.drsum.unauthorized", nil), true
	case e.Status == http.StatusForbidden:
		return T("err.drsum.forbidden", nil), true
	case e.Status == http.StatusNotFound:
		return T("err.drsum.not_found", nil), true
	case e.Status == http.StatusConflict:
		return T(exists, nil), true
	case e.Status/100 == 3:
		return T("err.drsum.redirect", a), true
	case e.Transient():
		return T("err.drsum.transient", a), true
	}
	return T("err.drsum.refused", a), true
}

// redirected tells a redirect (3xx) whose Location is known, and sets a's To: to the
// https address of the same server (an http URL where the server wants https:
// "redirect_https"), or elsewhere, as a captive portal or a company network's sign-in
// page sends every request ("redirect"). Only the scheme, host and path of the Location
// are shown: its query may carry a token, and a URL that does not parse (control
// characters) is not shown at all.
func redirected(status int, host, location string, a A) (string, bool) {
	if status/100 != 3 || location == "" {
		return "", false
	}
	base := &url.URL{Scheme: "http", Host: host}
	u, err := base.Parse(location)
	if err != nil || u.Host == "" {
		return "", false
	}
	if u.Scheme == "https" && u.Hostname() == base.Hostname() {
		a["To"] = (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path}).String()
		return "redirect_https", true
	}
	a["To"] = (&url.URL{Scheme: u.Scheme, Host: u.Host}).String()
	return "redirect", true
}
