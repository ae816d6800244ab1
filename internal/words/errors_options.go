package words

import (
	"errors"
	"strings"

	"hoist/uploader"
)

// optionProblems are the sentences of an invalid upload option, by kind.
var optionProblems = map[uploader.ProblemKind]string{
	uploader.ProblemRange:     "err.option.range",
	uploader.ProblemNoChoice:  "err.option.no_choice",
	uploader.ProblemBadChoice: "err.option.bad_choice",
	uploader.ProblemNoHandle:  "err.option.no_handle",
	uploader.ProblemBadURL:    "err.option.bad_url",
	uploader.ProblemUnknown:   "err.option.unknown",
}

// OptionProblem says what is wrong with an upload option's value and what to do, with the
// option's label (OptionLabel); "" for nil (the value is fine).
func OptionProblem(p *uploader.Problem) string {
	if p == nil {
		return ""
	}
	id, ok := optionProblems[p.Kind]
	if !ok {
		id = "err.option.unknown"
	}
	choices := make([]string, len(p.Choices))
	for i, c := range p.Choices {
		choices[i] = OptionChoice(p.Path, c)
	}
	return T(id, A{"Label": OptionLabel(p.Path), "Value": p.Value, "Min": p.Min, "Max": p.Max,
		"Choices": strings.Join(choices, ", "), "Reason": errText(p.Err)})
}

// optionsError words every invalid option of a *uploader.ValidationError, one sentence
// each.
func optionsError(err error) (string, bool) {
	var ve *uploader.ValidationError
	if !errors.As(err, &ve) {
		return "", false
	}
	var s string
	for i := range ve.Problems {
		s = join(s, OptionProblem(&ve.Problems[i]))
	}
	return s, true
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
