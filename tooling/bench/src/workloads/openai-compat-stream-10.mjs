// Row: CPU of one 10-chunk stream on the openai route, per client, against raw undici (per-chunk target ≤ 1.3×).
import { streamPerChunkWorkload } from '../payloads/stream-per-chunk-workload.mjs';

export default streamPerChunkWorkload({ route: 'openai', chunks: 10, iterations: 2000, warmup: 300 });
