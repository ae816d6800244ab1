package words

import (
	"errors"
	"math"
	"strings"
)

// A Message is a sentence not written yet: its ID in the message files and its named
// values. The packages above the engine (app/store, app/session) keep Messages in their
// typed errors and in what they persist, so that a sentence is written in the language of
// the moment it is shown, not of the moment it was made: a queue file saved in French
// reads in Japanese after a switch. Args that are kept on disk hold only text and
// integers (JSON gives integers back as float64, which are written as integers again).
type Message struct {
	ID   string `json:"id"`
	Args A      `json:"args,omitempty"`
	// Count, when set, is the count that picks the plural form (as N does).
	Count *int `json:"count,omitempty"`
}

// Msg is the message id with args, to be written later (String).
func Msg(id string, args A) Message { return Message{ID: id, Args: args} }

// Counted is the plural message id for count, to be written later (String).
func Counted(id string, count int, args A) Message {
	return Message{ID: id, Args: args, Count: &count}
}

// IsZero reports a Message with no ID: nothing to say.
func (m Message) IsZero() bool { return m.ID == "" }

// String writes the message in the current language; "" for the zero Message.
func (m Message) String() string {
	switch {
	case m.ID == "":
		return ""
	case m.Count != nil:
		return N(m.ID, *m.Count, m.Args)
	}
	return T(m.ID, m.Args)
}

// Worded is an error that carries its own Message: the errors of the packages above the
// engine (app/store…) implement it, and Error writes them in the current language. The
// engine cannot (it knows no words), so its typed errors are read by Error itself;
// words cannot import those packages instead, since they show words through this one.
type Worded interface {
	error
	Words() Message
}

// wordsOf finds a Worded error in err's chain.
func wordsOf(err error) (Message, bool) {
	var w Worded
	if err != nil && errors.As(err, &w) {
		if m := w.Words(); !m.IsZero() {
			return m, true
		}
	}
	return Message{}, false
}

// argValue writes the values a sentence is made of that are not plain figures: an error
// as Error says it (without its full stop: the message puts its own), a Message in the current language, and a whole float64 (an integer
// read back from JSON) as an integer.
func argValue(v any) (any, bool) {
	switch x := v.(type) {
	case Message:
		return x.String(), true
	case error:
		// A clause of the sentence: the sentence's own punctuation ends it.
		return strings.TrimRight(Error(x), ".。"), true
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
			return int64(x), true
		}
	}
	return nil, false
}

// Err is an error that is one sentence of the message files, for the packages above the
// engine that have no richer type for it: Say is the sentence (written when shown), Of
// the sentinel it is a case of (for errors.Is) and Cause what the system said, if
// anything. words.Error writes it, like any Worded error.
type Err struct {
	Say   Message
	Of    error // a sentinel (see Sentinel), or nil
	Cause error // an os, keychain or engine error, or nil
}

// Fail is the error saying id with args, caused by cause (nil when none).
func Fail(id string, args A, cause error) *Err { return &Err{Say: Msg(id, args), Cause: cause} }

func (e *Err) Error() string { return e.Say.String() }

// Words is the sentence, for Error.
func (e *Err) Words() Message { return e.Say }

// Unwrap gives errors.Is and errors.As both the sentinel and the cause.
func (e *Err) Unwrap() []error {
	var out []error
	for _, err := range []error{e.Of, e.Cause} {
		if err != nil {
			out = append(out, err)
		}
	}
	return out
}

// Sentinel is an error known by its identity (errors.Is), whose sentence is the message
// id: var ErrX = words.Sentinel("area.x").
func Sentinel(id string) error { return &sentinel{id} }

type sentinel struct{ id string }

func (e *sentinel) Error() string  { return T(e.id, nil) }
func (e *sentinel) Words() Message { return Msg(e.id, nil) }
