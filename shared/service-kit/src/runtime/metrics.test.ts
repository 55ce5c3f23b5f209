import { errorCodeLabel, MAX_OPERATIONS, operationLabel, operationNameOf } from './metrics';
import { tracesExporterFrom } from './tracing';

describe('metric labels stay bounded', () => {
  it('names an operation by operationName, else by its document', () => {
    expect(operationNameOf('Sent', 'query Other { a }')).toBe('Sent');
    expect(operationNameOf(undefined, '# a comment\n  mutation RegisterChild($i: X) { a }')).toBe('RegisterChild');
    expect(operationNameOf(undefined, '{ a }')).toBeUndefined();
    expect(operationNameOf(null, 42)).toBeUndefined();
  });

  it('keeps at most MAX_OPERATIONS operation names; later names, odd names and anonymous ones share a label', () => {
    expect(operationLabel(undefined)).toBe('anonymous');
    expect(operationLabel('child-123e4567')).toBe('other');
    for (let i = 0; i < MAX_OPERATIONS + 50; i++) operationLabel(`Op${i}`);
    expect(operationLabel('Op1')).toBe('Op1');
    expect(operationLabel(`Op${MAX_OPERATIONS + 10}`)).toBe('other');
    expect(operationLabel('NeverSeenBefore')).toBe('other');
  });

  it('counts error codes of the hub shape, anything else as OTHER', () => {
    expect(errorCodeLabel('NOT_FOUND')).toBe('NOT_FOUND');
    expect(errorCodeLabel(undefined)).toBe('INTERNAL_SERVER_ERROR');
    expect(errorCodeLabel('child 42 missing')).toBe('OTHER');
    expect(errorCodeLabel({ code: 'X' })).toBe('OTHER');
  });
});

describe('tracing is off by default', () => {
  it('exports only when OTEL_* asks', () => {
    expect(tracesExporterFrom({})).toBeNull();
    expect(tracesExporterFrom({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe('otlp');
    expect(tracesExporterFrom({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' })).toBe('otlp');
    expect(tracesExporterFrom({ OTEL_TRACES_EXPORTER: 'console' })).toBe('console');
    expect(tracesExporterFrom({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' })).toBeNull();
    expect(tracesExporterFrom({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_EXPORTER: 'none' })).toBeNull();
  });
});
