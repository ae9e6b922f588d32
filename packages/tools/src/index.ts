/**
 * Tools defined once (zod or JSON Schema) and run in a loop on either Gemini route, through the
 * tool-loop adapter both gemgate clients offer; code execution parts paired on the native route.
 *
 * @module
 */
export type { ToolCall, ToolChoice, ToolResult } from '@gemgate/core-transport';
export {
  type CodeExecution,
  type CodeExecutionChunkLike,
  type CodeExecutionCollector,
  type CodeExecutionOutput,
  type CodeExecutionPartLike,
  codeExecution,
  collectCodeExecutions,
  pairCodeExecutions,
} from './code-execution.js';
export { type DefineToolOptions, defineTool, type ToolArguments } from './define-tool.js';
export { type RunToolsOptions, runTools } from './run-tools.js';
export type { AnyTool, Tool, ToolArgumentsCheck, ToolExecuteContext } from './tool.js';
export {
  checkToolChoice,
  type GeminiToolConfig,
  type OpenAIToolChoice,
  toGeminiToolConfig,
  toOpenAIToolChoice,
} from './tool-choice.js';
export {
  type GeminiFunctionDeclaration,
  type OpenAIFunctionTool,
  toGeminiFunctionDeclarations,
  toOpenAITools,
} from './tool-declarations.js';
export { ToolRunStream } from './tool-run-stream.js';
export type { ToolRunEvent, ToolRunFinishReason, ToolRunResult, ToolRunStep } from './tool-run-types.js';
