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
// option's label (OptionLabel) and its allowed values as the window shows them; "" for nil
// (the value is fine).
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
	return T(id, problemArgs(p, OptionLabel(p.Path), choices))
}

// flagProblems are the command line's sentences of an invalid upload option, by kind:
// they name the flag rather than the window's label.
var flagProblems = map[uploader.ProblemKind]string{
	uploader.ProblemRange:     "cli.problem.option_range",
	uploader.ProblemNoChoice:  "cli.problem.option_no_choice",
	uploader.ProblemBadChoice: "cli.problem.option_bad_choice",
}

// FlagProblem is OptionProblem for the command line, where the option was given by a flag:
// it names the flag (flag, such as "--email-setting") and lists the values as they are
// typed after it (None, JobCompletion…), not the window's labels for them, which the
// command line does not accept. A kind the command line has no sentence of its own for
// reads as OptionProblem's, with the flag as the label.
func FlagProblem(p *uploader.Problem, flag string) string {
	if p == nil {
		return ""
	}
	id, ok := flagProblems[p.Kind]
	if !ok {
		if id, ok = optionProblems[p.Kind]; !ok {
			id = "err.option.unknown"
		}
	}
	return T(id, problemArgs(p, flag, p.Choices))
}

func problemArgs(p *uploader.Problem, label string, choices []string) A {
	return A{"Label": label, "Flag": label, "Value": p.Value, "Min": p.Min, "Max": p.Max,
		"Choices": strings.Join(choices, ", "), "Reason": errText(p.Err)}
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
