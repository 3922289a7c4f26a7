package extract

// SetRecoverPanics lets the fuzz test see panics that Extract would
// otherwise swallow.
func SetRecoverPanics(on bool) { recoverPanics = on }
