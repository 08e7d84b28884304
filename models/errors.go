package models

import "errors"

// ErrNotFound means the record does not exist or is not visible to the asking user;
// handlers answer 404 for both so that existence itself stays private.
var ErrNotFound = errors.New("record not found")

// ErrDuplicateEmail means another account already uses the email address.
var ErrDuplicateEmail = errors.New("email already registered")

// ErrInvalidCredentials means the email or password did not match an account.
var ErrInvalidCredentials = errors.New("invalid email or password")

// ErrSessionRevoked means a token names a session that has ended.
var ErrSessionRevoked = errors.New("session revoked or expired")

// ErrLastAdmin means the change would leave nobody able to administer hitpath.
var ErrLastAdmin = errors.New("last admin")
