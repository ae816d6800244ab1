package store

import "hoist/internal/words"

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
