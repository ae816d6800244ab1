// Package cputime measures the CPU time of the process, for benchmarks: on a machine shared
// with other work it measures what a benchmark costs, where wall time also measures the
// others. Used by the benchmarks of uploader and ui, which report it per operation.
package cputime
