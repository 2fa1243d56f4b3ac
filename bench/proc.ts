// CPU time as Linux counts it: a process's, summed over its threads in nanoseconds (schedstat), and the
// machine's, in clock ticks (/proc/stat). Read from outside the process, so asking costs it nothing.
import { readdirSync, readFileSync } from 'node:fs';

/** CPU time of every thread of `pid` so far, ns: V8's compiler and GC threads count with the main one. */
export function processCpu(pid: number): number {
  let total = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'latin1').split(' ')[0]);
    } catch {
      // A thread that ended between the listing and the read: its time is gone with it.
    }
  }
  return total;
}

/** Resident memory of `pid`, bytes. */
export function residentMemory(pid: number): number {
  const line = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
  return Number(line?.[1] ?? 0) * 1024;
}

/**
 * Every CPU's time spent on processes so far (steal included: time the hypervisor gave to another
 * machine), ns. Interrupts are left out: on loopback they are mostly the benchmark's own packets.
 */
export function machineBusy(): number {
  const [user, nice, system, , , , , steal] = readFileSync('/proc/stat', 'latin1')
    .split('\n', 1)[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return ((user! + nice! + system! + steal!) * 1e9) / 100;
}
