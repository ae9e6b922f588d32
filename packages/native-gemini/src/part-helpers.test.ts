import { InvalidArgumentError } from '@gemgate/core-transport';
import * as official from '@google/genai';
import { describe, expect, it } from 'vitest';
import { Language, Outcome, PartMediaResolutionLevel } from './enums.js';
import * as ours from './part-helpers.js';

describe('part helpers give what @google/genai gives for the same inputs', () => {
  const cases: Array<[string, () => unknown, () => unknown]> = [
    ['createPartFromText', () => ours.createPartFromText('Hi'), () => official.createPartFromText('Hi')],
    [
      'createPartFromBase64',
      () => ours.createPartFromBase64('aGk=', 'image/png'),
      () => official.createPartFromBase64('aGk=', 'image/png'),
    ],
    [
      'createPartFromBase64 with a media resolution',
      () => ours.createPartFromBase64('aGk=', 'image/png', PartMediaResolutionLevel.MEDIA_RESOLUTION_HIGH),
      () =>
        official.createPartFromBase64(
          'aGk=',
          'image/png',
          official.PartMediaResolutionLevel.MEDIA_RESOLUTION_HIGH,
        ),
    ],
    [
      'createPartFromUri',
      () => ours.createPartFromUri('https://example.com/a.pdf', 'application/pdf'),
      () => official.createPartFromUri('https://example.com/a.pdf', 'application/pdf'),
    ],
    [
      'createPartFromUri with a media resolution',
      () => ours.createPartFromUri('files/abc', 'video/mp4', PartMediaResolutionLevel.MEDIA_RESOLUTION_LOW),
      () =>
        official.createPartFromUri(
          'files/abc',
          'video/mp4',
          official.PartMediaResolutionLevel.MEDIA_RESOLUTION_LOW,
        ),
    ],
    [
      'createPartFromFunctionCall',
      () => ours.createPartFromFunctionCall('get_weather', { city: 'Paris' }),
      () => official.createPartFromFunctionCall('get_weather', { city: 'Paris' }),
    ],
    [
      'createPartFromFunctionResponse',
      () => ours.createPartFromFunctionResponse('call-1', 'get_weather', { temperature: 21 }),
      () => official.createPartFromFunctionResponse('call-1', 'get_weather', { temperature: 21 }),
    ],
    [
      'createPartFromFunctionResponse with parts',
      () =>
        ours.createPartFromFunctionResponse('call-2', 'chart', { ok: true }, [
          { inlineData: { data: 'aGk=', mimeType: 'image/png' } },
        ]),
      () =>
        official.createPartFromFunctionResponse('call-2', 'chart', { ok: true }, [
          { inlineData: { data: 'aGk=', mimeType: 'image/png' } },
        ]),
    ],
    [
      'createPartFromCodeExecutionResult',
      () => ours.createPartFromCodeExecutionResult(Outcome.OUTCOME_OK, '42\n'),
      () => official.createPartFromCodeExecutionResult(official.Outcome.OUTCOME_OK, '42\n'),
    ],
    [
      'createPartFromExecutableCode',
      () => ours.createPartFromExecutableCode('print(6 * 7)', Language.PYTHON),
      () => official.createPartFromExecutableCode('print(6 * 7)', official.Language.PYTHON),
    ],
    [
      'createUserContent from a string',
      () => ours.createUserContent('Hi'),
      () => official.createUserContent('Hi'),
    ],
    [
      'createUserContent from a part',
      () => ours.createUserContent({ text: 'Hi' }),
      () => official.createUserContent({ text: 'Hi' }),
    ],
    [
      'createUserContent from a mixed list',
      () => ours.createUserContent([ours.createPartFromUri('files/a', 'image/png'), 'What is this?']),
      () => official.createUserContent([official.createPartFromUri('files/a', 'image/png'), 'What is this?']),
    ],
    [
      'createModelContent',
      () => ours.createModelContent(['Paris.', { text: 'Sure.' }]),
      () => official.createModelContent(['Paris.', { text: 'Sure.' }]),
    ],
  ];

  it.each(cases)('%s', (_name, ourCall, officialCall) => {
    expect(ourCall()).toEqual(officialCall());
  });

  it('takes the official enum members where it takes ours', () => {
    expect(ours.createPartFromExecutableCode('1', official.Language.PYTHON)).toEqual(
      official.createPartFromExecutableCode('1', official.Language.PYTHON),
    );
  });
});

describe('createUserContent / createModelContent refuse what @google/genai refuses, typed', () => {
  it.each([[[]], [[42]], [42], [{ unknownField: 1 }]])('refuses %j with an InvalidArgumentError', (input) => {
    expect(() => official.createUserContent(input as never)).toThrow();
    const error = (() => {
      try {
        ours.createUserContent(input as never);
      } catch (caught) {
        return caught;
      }
    })();
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as InvalidArgumentError).argument).toMatch(/^createUserContent\(partOrString\)/);
  });
});
