import { readFileSync } from 'node:fs';

/*
 * What /proc says about a PostgreSQL backend running on this machine (the benches' server is local). CPU time
 * is steadier than wall time on a shared VM, whose other guests take CPU from ours at random.
 */

/** CPU seconds a process has used (utime + stime, in USER_HZ ticks of 10 ms); throws when /proc cannot be read. */
export function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** A process's peak resident set (VmHWM) in MB, or null when /proc does not say. */
export function peakRssMbOf(pid: number): number | null {
  const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return kb ? kb / 1024 : null;
}
