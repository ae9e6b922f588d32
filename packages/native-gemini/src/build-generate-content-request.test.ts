import { InvalidArgumentError } from '@gemgate/core-transport';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildGenerateContentRequest } from './build-generate-content-request.js';

describe('buildGenerateContentRequest', () => {
  it('maps the seed image example: top-level system instruction, the rest in generationConfig', () => {
    const { body } = buildGenerateContentRequest({
      contents: [{ inlineData: { mimeType: 'image/jpeg', data: 'AAAA' } }, { text: 'Describe the image.' }],
      config: {
        systemInstruction: 'You are a helpful assistant that can describe images.',
        maxOutputTokens: 768,
        temperature: 0.1,
        thinkingConfig: { thinkingBudget: 0, includeThoughts: false },
        mediaResolution: 'MEDIUM',
      },
    });
    expect(body).toEqual({
      contents: [
        {
          role: 'user',
          parts: [{ inlineData: { mimeType: 'image/jpeg', data: 'AAAA' } }, { text: 'Describe the image.' }],
        },
      ],
      systemInstruction: {
        role: 'user',
        parts: [{ text: 'You are a helpful assistant that can describe images.' }],
      },
      generationConfig: {
        maxOutputTokens: 768,
        temperature: 0.1,
        thinkingConfig: { thinkingBudget: 0, includeThoughts: false },
        mediaResolution: 'MEDIA_RESOLUTION_MEDIUM',
      },
    });
  });

  it('puts cachedContent, tools, toolConfig and safetySettings at the top level, never in generationConfig', () => {
    const tools = [{ codeExecution: {} }];
    const toolConfig = { functionCallingConfig: { mode: 'ANY' } };
    const safetySettings = [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_NONE' }];
    const { body } = buildGenerateContentRequest({
      contents: 'x',
      config: { cachedContent: 'cachedContents/abc', tools, toolConfig, safetySettings, topK: 3 },
    });
    expect(body).toMatchObject({ cachedContent: 'cachedContents/abc', tools, toolConfig, safetySettings });
    expect(body.generationConfig).toEqual({ topK: 3 });
  });

  it('passes unknown fields through into generationConfig and drops client-only ones', () => {
    const { body } = buildGenerateContentRequest({
      contents: 'x',
      config: {
        enableEnhancedCivicAnswers: true,
        abortSignal: new AbortController().signal,
        httpOptions: { headers: { 'x-team': 'a' } },
        // @google/genai's client-side loop setting: never a wire field.
        automaticFunctionCalling: { disable: true },
      },
    });
    expect(body.generationConfig).toEqual({ enableEnhancedCivicAnswers: true });
    expect(Object.keys(body)).toEqual(['contents', 'generationConfig']);
  });

  it('converts a zod responseSchema and defaults the mime type to JSON', () => {
    const schema = z.object({ answer: z.string() });
    const { body, zodSchema } = buildGenerateContentRequest({
      contents: 'x',
      config: { responseSchema: schema },
    });
    expect(zodSchema).toBe(schema);
    expect(body.generationConfig).toEqual({
      responseMimeType: 'application/json',
      responseSchema: {
        type: 'object',
        properties: { answer: { type: 'string' } },
        required: ['answer'],
        propertyOrdering: ['answer'],
      },
    });
  });

  it('converts a zod responseJsonSchema and keeps it to validate parsed', () => {
    const schema = z.object({ answer: z.string() });
    const { body, zodSchema } = buildGenerateContentRequest({
      contents: 'x',
      config: { responseJsonSchema: schema },
    });
    expect(zodSchema).toBe(schema);
    expect(body.generationConfig).toEqual({
      responseMimeType: 'application/json',
      responseJsonSchema: {
        type: 'object',
        properties: { answer: { type: 'string' } },
        required: ['answer'],
        additionalProperties: false,
      },
    });
  });

  it('sends z.number().int() without the ±(2^53 - 1) bounds, as the OpenAI client does', () => {
    const schema = z.object({ count: z.number().int() });
    const expected = {
      type: 'object',
      properties: { count: { type: 'integer' } },
      required: ['count'],
      additionalProperties: false,
    };
    const { body } = buildGenerateContentRequest({ contents: 'x', config: { responseJsonSchema: schema } });
    expect((body.generationConfig as Record<string, unknown>).responseJsonSchema).toEqual(expected);
  });

  it("rewrites a JSON Schema given as responseSchema into Gemini's subset", () => {
    const { body } = buildGenerateContentRequest({
      contents: 'x',
      config: {
        responseSchema: {
          $schema: 'https://json-schema.org/draft/2020-12/schema',
          type: 'object',
          properties: { note: { type: ['string', 'null'] } },
          additionalProperties: false,
        },
      },
    });
    expect((body.generationConfig as Record<string, unknown>).responseSchema).toEqual({
      type: 'object',
      properties: { note: { type: 'string', nullable: true } },
      propertyOrdering: ['note'],
    });
  });

  it('names the path of a BigInt or a circular value in a schema instead of a TypeError later', () => {
    const loop: Record<string, unknown> = { type: 'object' };
    loop.properties = { again: loop };
    for (const [config, argument] of [
      [
        { responseSchema: { type: 'object', properties: { n: { type: 'integer', maximum: 10n } } } },
        'config.responseSchema.properties.n.maximum',
      ],
      [
        { responseJsonSchema: { type: 'object', properties: { n: { type: 'integer', default: 1n } } } },
        'config.responseJsonSchema.properties.n.default',
      ],
      [
        { tools: [{ functionDeclarations: [{ name: 'f', parameters: loop }] }] },
        'config.tools.0.functionDeclarations.0.parameters.properties.again',
      ],
    ] as const) {
      let caught: unknown;
      try {
        JSON.stringify(buildGenerateContentRequest({ contents: 'x', config: config as never }).body);
      } catch (error) {
        caught = error;
      }
      expect(InvalidArgumentError.isInstance(caught)).toBe(true);
      expect((caught as InvalidArgumentError).argument).toBe(argument);
    }
  });

  it('applies the tool-name and enum rules of the OpenAI route to function declarations', () => {
    for (const [declaration, argument] of [
      [{ name: 'mcp:search' }, 'config.tools.0.functionDeclarations.0.name'],
      [
        {
          name: 'f',
          parameters: { type: 'object', properties: { size: { type: 'integer', enum: [1, 2] } } },
        },
        'config.tools.0.functionDeclarations.0.parameters.properties.size.enum',
      ],
    ] as const) {
      let caught: unknown;
      try {
        buildGenerateContentRequest({
          contents: 'x',
          config: { tools: [{ functionDeclarations: [declaration] }] },
        });
      } catch (error) {
        caught = error;
      }
      expect(InvalidArgumentError.isInstance(caught)).toBe(true);
      expect((caught as InvalidArgumentError).argument).toBe(argument);
    }
    expect(() =>
      buildGenerateContentRequest({
        contents: 'x',
        config: {
          tools: [
            {
              functionDeclarations: [
                {
                  name: 'get_weather.v2',
                  parameters: { type: 'OBJECT', properties: { unit: { type: 'STRING', enum: ['c', 'f'] } } },
                },
              ],
            },
          ],
        },
      }),
    ).not.toThrow();
  });

  it('sends no generationConfig when there is nothing to put in it', () => {
    expect(buildGenerateContentRequest({ contents: 'x' }).body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'x' }] }],
    });
  });

  it('names the field path of a bad value', () => {
    for (const [config, argument] of [
      [{ temperature: 3 }, 'config.temperature'],
      [{ thinkingConfig: { thinkingBudget: 1.5 } }, 'config.thinkingConfig.thinkingBudget'],
      [
        { tools: [{ functionDeclarations: [{ name: '1bad name' }] }] },
        'config.tools.0.functionDeclarations.0.name',
      ],
      [{ maxOutputTokens: 0 }, 'config.maxOutputTokens'],
    ] as const) {
      try {
        buildGenerateContentRequest({ contents: 'x', config: config as never });
        expect.unreachable();
      } catch (error) {
        expect(InvalidArgumentError.isInstance(error)).toBe(true);
        expect((error as InvalidArgumentError).argument).toBe(argument);
        expect((error as Error).message).toContain(argument);
      }
    }
  });
});

describe('mediaResolution', () => {
  it.each([
    ['low', 'MEDIA_RESOLUTION_LOW'],
    ['LOW', 'MEDIA_RESOLUTION_LOW'],
    ['media_resolution_low', 'MEDIA_RESOLUTION_LOW'],
    ['Media_Resolution_High', 'MEDIA_RESOLUTION_HIGH'],
    ['MEDIA_RESOLUTION_MEDIUM', 'MEDIA_RESOLUTION_MEDIUM'],
  ])('sends %s as %s, never with the prefix twice', (mediaResolution, sent) => {
    const { body } = buildGenerateContentRequest({ contents: 'Hi', config: { mediaResolution } });
    expect(body.generationConfig).toEqual({ mediaResolution: sent });
  });
});
