package words

import "hoist/uploader"

// verdicts are the sentences of Test connection's verdicts, by kind.
var verdicts = map[uploader.VerdictKind]string{
	uploader.VerdictAccepted:         "engine.verdict.accepted",
	uploader.VerdictRejected:         "engine.verdict.rejected",
	uploader.VerdictDrSumAccepted:    "engine.verdict.drsum_accepted",
	uploader.VerdictDrSumRejected:    "engine.verdict.drsum_rejected",
	uploader.VerdictDrSumNoCode:      "engine.verdict.drsum_no_code",
	uploader.VerdictDrSumNotFound:    "engine.verdict.drsum_not_found",
	uploader.VerdictDrSumServerError: "engine.verdict.drsum_server_error",
	uploader.VerdictDrSumUnexpected:  "engine.verdict.drsum_unexpected",
}

// Verdict is Test connection's verdict for people: connected as whom, or what to check;
// a refusal or a failure to test is worded by Error. The proxy the test went through is
// named after it.
func Verdict(v uploader.Verdict) string {
	var s string
	switch id, ok := verdicts[v.Kind]; {
	case v.Kind == uploader.VerdictAccepted && v.Company != "":
		s = T("engine.verdict.accepted_company", A{"User": v.User, "Company": v.Company})
	case ok:
		s = T(id, A{"User": v.User, "Status": v.Status})
	default:
		s = Error(v.Err)
	}
	switch {
	case s == "":
	case proxyFailed(v.Err):
		// The sentence names the proxy and its setting already; "Through the proxy…"
		// after it would read as if the request had gone through.
		s = join(s, Certificate(v.Exchange.TLS))
	default:
		s = join(s, officeNotes(v)) // the route and the certificate (office.go)
	}
	return s
}
