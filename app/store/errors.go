package store

import (
	"errors"

	"hoist/internal/words"
)

// The store's errors say themselves through the message files (store.*.json): its typed
// errors (ProfilesFileError, PresetError, ProfileError, KeychainUnavailableError)
// implement words.Worded, and the others are words.Err values, so words.Error writes
// every one in the language current when it is shown.

// fail is the error saying id with args, caused by cause (nil when none).
func fail(id string, args words.A, cause error) *words.Err { return words.Fail(id, args, cause) }

// caseOf is the error that is a case of the sentinel of (errors.Is), saying id with args.
func caseOf(of error, id string, args words.A) *words.Err {
	return &words.Err{Say: words.Msg(id, args), Of: of}
}

// FileErrors holds one error per file of a folder that could not be used (a damaged
// preset, a damaged saved upload), so that the window can name each file where words.Error
// names the first. Only these lists are to be split: an error that says itself, with its
// cause inside, is one sentence.
type FileErrors []error

func (e FileErrors) Error() string   { return errors.Join(e...).Error() }
func (e FileErrors) Unwrap() []error { return e }

// fileErrors is errs as FileErrors, nil when there is none.
func fileErrors(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	return FileErrors(errs)
}
