export { startMockGateway } from './start-mock-gateway.js';
export type {
  FaultSpec,
  MockGateway,
  MockGatewayOptions,
  MockLatency,
  MockRoute,
  RecordedRequest,
  ScheduledFault,
} from './types.js';
