// Row: CPU of one 1000-chunk stream on the openai route, per client, against raw undici (per-chunk target ≤ 1.3×).
import { streamPerChunkWorkload } from '../payloads/stream-per-chunk-workload.mjs';

export default streamPerChunkWorkload({ route: 'openai', chunks: 1000, iterations: 60, warmup: 10 });
