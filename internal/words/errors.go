package words

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"hoist/uploader"
)

// Error is what went wrong, in the current language, for any error of the engine: the
// engine returns typed errors without words (codes, kinds and the fields a sentence
// needs), and this is the one place that turns them into sentences that say what to do.
// An error the engine does not type (a caller's own) keeps its own text.
func Error(err error) string {
	if m, ok := wordsOf(err); ok {
		return m.String()
	}
	if s, ok := errorSentence(err); ok {
		return s
	}
	if err == nil {
		return ""
	}
	return err.Error()
}

// Knows reports whether Error has a sentence of its own for err, rather than the error's
// developer text.
func Knows(err error) bool {
	if _, ok := wordsOf(err); ok {
		return true
	}
	_, ok := errorSentence(err)
	return ok
}

// errorSentence tries each family of engine errors, outermost meaning first: a request
// refused as a whole says so around its fault; a file's error names the file.
func errorSentence(err error) (string, bool) {
	if err == nil {
		return "", false
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		if _, settings := err.(*uploader.SettingsError); !settings {
			// errors.Join (a follow-up that failed and whose log could not be read): the
			// first error is the one that matters.
			for _, e := range j.Unwrap() {
				if e != nil {
					return errorSentence(e)
				}
			}
		}
	}
	for _, family := range families {
		if s, ok := family(err); ok {
			return s, true
		}
	}
	return "", false
}

// families are the engine's error types, by file; the first that recognises err words it.
// Set in init: some of them word the errors they wrap through Error.
var families []func(error) (string, bool)

func init() {
	families = []func(error) (string, bool){
		notSent, jobGone, requestRefused, settings, optionsError, fileError, nameError, drsumError, replyError, faultError,
		proxyLogin, proxyChain, proxyRefused, proxyAddress, proxyPassword, pacFile, caFile, publishBase, urlError, choiceError, rateError, followTimeout, connError, netError, plain,
	}
}

func requestRefused(err error) (string, bool) {
	var r *uploader.RequestRefusedError
	if !errors.As(err, &r) || r.Fault == nil {
		return "", false
	}
	return T("err.request_refused", A{"Sentence": fault(r.Fault)}), true
}

func faultError(err error) (string, bool) {
	var f *uploader.Fault
	if !errors.As(err, &f) {
		return "", false
	}
	return fault(f), true
}

// fault words an IPS fault by its code (docs/protocol.md §Faults).
func fault(f *uploader.Fault) string {
	reason := strings.TrimSpace(f.Reason)
	if id, ok := faultMessages[f.Code]; ok {
		return T(id, A{"Reason": reason})
	}
	if f.Kind == uploader.AuthorizationFault {
		return T("err.fault.not_allowed", nil)
	}
	return T("err.fault.other", A{"Reason": reason, "Kind": string(f.Kind), "Code": fmt.Sprint(int(f.Code))})
}

// faultMessages are the sentences of the IPS fault codes (docs/protocol.md, §Faults).
var faultMessages = map[uploader.FaultCode]string{
	uploader.CodeNoCredentials:         "err.fault.no_credentials",
	uploader.CodeInvalidCredentials:    "err.fault.invalid_credentials",
	uploader.CodeInvalidUser:           "err.fault.invalid_user",
	uploader.CodeInvalidCompany:        "err.fault.invalid_company",
	uploader.CodeIllegalCompany:        "err.fault.invalid_company",
	uploader.CodeIllegalParameterValue: "err.fault.refused_value",
	uploader.CodeInvalidParameter:      "err.fault.refused_value",
	uploader.CodeMissingParameter:      "err.fault.missing_value",
	uploader.CodeInvalidRequestXML:     "err.fault.bad_request",
	uploader.CodeException:             "err.fault.server_exception",
}

// settingsClauses are the parts of a SettingsError's sentence, one per problem.
var settingsClauses = map[uploader.SettingsProblem]string{
	uploader.NeedCompany:     "err.settings.company",
	uploader.NeedDrSumFolder: "err.settings.drsum_folder",
	uploader.NeedCredentials: "err.settings.credentials",
	uploader.NeedFiles:       "err.settings.files",
	uploader.NeedWalkedItems: "err.settings.walked_items",
	uploader.NeedHTTPClient:  "err.settings.http_client",
	uploader.NeedJobHandle:   "err.settings.job_handle",
}

// settings words everything to fix before an upload in one sentence: "Before uploading,
// choose …; enter …."
func settings(err error) (string, bool) {
	var s *uploader.SettingsError
	if !errors.As(err, &s) {
		return "", false
	}
	var clauses []string
	for _, p := range s.Problems {
		if p == uploader.BadFolder {
			for _, c := range s.Causes {
				clauses = append(clauses, clause(Error(c)))
			}
			continue
		}
		if id, ok := settingsClauses[p]; ok {
			clauses = append(clauses, T(id, nil))
		}
	}
	return T("err.settings", A{"Problems": strings.Join(clauses, T("err.settings.separator", nil))}), true
}

// clause turns a sentence into a part of a longer one: no full stop, and no capital when
// the second letter shows that the first is one only because it starts the sentence
// ("The folder…", not "URL…").
func clause(s string) string {
	s = strings.TrimSuffix(strings.TrimSuffix(s, "."), "。")
	r := []rune(s)
	if len(r) > 1 && r[0] >= 'A' && r[0] <= 'Z' && r[1] >= 'a' && r[1] <= 'z' {
		r[0] += 'a' - 'A'
	}
	return string(r)
}

// plain words the engine's plain errors: a password over http, a cancellation.
func plain(err error) (string, bool) {
	switch {
	case errors.Is(err, uploader.ErrInsecureURL):
		return T("err.insecure_url", nil), true
	case errors.Is(err, context.Canceled), errors.Is(err, uploader.ErrCancelled):
		return T("err.cancelled", nil), true
	}
	return "", false
}

// choiceError words a region or service name Hoist does not know.
func choiceError(err error) (string, bool) {
	var c *uploader.ChoiceError
	if !errors.As(err, &c) {
		return "", false
	}
	if c.Of == uploader.ChoiceService {
		return T("err.choice.service", A{"Value": c.Value}), true
	}
	return T("err.choice.region", A{"Value": c.Value}), true
}

// rateError words a bandwidth limit that cannot be read (--bwlimit, the window's setting).
func rateError(err error) (string, bool) {
	var r *uploader.RateError
	if !errors.As(err, &r) {
		return "", false
	}
	if r.TooLow {
		return T("err.rate.too_low", A{"Value": r.Value}), true
	}
	return T("err.rate.bad", A{"Value": r.Value}), true
}
