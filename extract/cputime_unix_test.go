//go:build unix

package extract_test

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used, so that a benchmark on a
// shared machine can report throughput per CPU second besides wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
