import { resolve } from 'node:path';
import { CHARTS } from './charts';
import { writeCharts } from './helm/chart-writer';

/** `npm run synth`: regenerates charts/ at the repository root (or the directory given). */
const outDir = resolve(process.argv[2] ?? resolve(__dirname, '..', '..', 'charts'));
writeCharts(CHARTS, outDir);
console.log(`charts written to ${outDir}: ${CHARTS.map((chart) => chart.name).join(', ')}`);
