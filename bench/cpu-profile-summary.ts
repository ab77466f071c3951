// `npx tsx bench/cpu-profile-summary.ts file.cpuprofile [--by=file|function] [--top=N]`: sums a V8
// CPU profile's self time by function (with its file) or by file/package, to see where the server's
// CPU goes (profiles come from BENCH_CPU_PROF=dir npm run bench …).
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file, ...flags] = process.argv.slice(2);
const option = (name: string) => flags.find((f) => f.startsWith(`--${name}=`))?.split('=')[1];
const by = option('by') ?? 'function';
const top = Number(option('top') ?? 40);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));

/** node_modules/<pkg> (or @scope/pkg), or the path below the repo, or a V8 pseudo-frame. */
function place(url: string) {
  if (!url) return '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 13).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.startsWith('node:')) return url;
  return url.replace(/^file:\/\/.*?\/(server|bench)\//, '$1/');
}

const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, index) => {
  const delta = profile.timeDeltas[index] ?? 0;
  const frame = byId.get(id)!.callFrame;
  const key = by === 'file' ? place(frame.url) : `${frame.functionName || '(anonymous)'} ${place(frame.url)}:${frame.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + delta);
  total += delta;
});
const idle = [...self].filter(([key]) => key.startsWith('(idle)')).reduce((sum, [, us]) => sum + us, 0);
console.log(`total ${(total / 1e6).toFixed(2)} s, busy ${((total - idle) / 1e6).toFixed(2)} s`);
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${((100 * us) / (total - idle)).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
}
