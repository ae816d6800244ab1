package words

import (
	"errors"

	"hoist/uploader"
)

// Error is what went wrong, in the current language, for the errors people meet most: the
// server's refusals (IPS faults, by code) and a password that would travel over plain
// http. The engine returns these typed, without words; any other error still gets the
// engine's English sentence (uploader.Sentence), until its sentence moves here too.
func Error(err error) string {
	if s, ok := errorSentence(err); ok {
		return s
	}
	return uploader.Sentence(err)
}

// Knows reports whether Error has err's sentence in every language, rather than the
// engine's English one.
func Knows(err error) bool {
	_, ok := errorSentence(err)
	return ok
}

func errorSentence(err error) (string, bool) {
	if err == nil {
		return "", false
	}
	var f *uploader.Fault
	if errors.As(err, &f) {
		if id, ok := faultMessages[f.Code]; ok {
			return T(id, A{"Reason": f.Reason}), true
		}
		if f.Kind == uploader.AuthorizationFault {
			return T("err.fault.not_allowed", nil), true
		}
	}
	if errors.Is(err, uploader.ErrInsecureURL) {
		return T("err.insecure_url", nil), true
	}
	return "", false
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
