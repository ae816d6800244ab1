package store

import "hoist/internal/words"

// Error is one of the store's refusals or failures that has no richer type: its sentence
// (a words.Message, written in the language current when it is shown), the sentinel it is
// a case of (ErrProfileNotFound…, for errors.Is) and the error that caused it, if any.
// words.Error writes it, like every typed error of the store (they all implement
// words.Worded).
type Error struct {
	Say   words.Message
	Of    error // a sentinel of this package, or nil
	Cause error // what the system said (an os or keychain error), or nil
}

func (e *Error) Error() string { return e.Say.String() }

// Words is the sentence, for words.Error.
func (e *Error) Words() words.Message { return e.Say }

// Unwrap gives errors.Is and errors.As both the sentinel and the cause.
func (e *Error) Unwrap() []error {
	var out []error
	for _, err := range []error{e.Of, e.Cause} {
		if err != nil {
			out = append(out, err)
		}
	}
	return out
}

// sentinel is an error known by its identity (errors.Is), with its sentence in the
// message files.
type sentinel struct{ id string }

func (e *sentinel) Error() string        { return words.T(e.id, nil) }
func (e *sentinel) Words() words.Message { return words.Msg(e.id, nil) }

// fail is an Error saying id with args, caused by cause (nil when none).
func fail(id string, args words.A, cause error) *Error {
	return &Error{Say: words.Msg(id, args), Cause: cause}
}

// caseOf is an Error that is a case of the sentinel of (errors.Is), saying id with args.
func caseOf(of error, id string, args words.A) *Error {
	return &Error{Say: words.Msg(id, args), Of: of}
}
