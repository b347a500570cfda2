import type { FastifyReply } from 'fastify';
import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

export function renderHtml(vnode: VNode): string {
  return `<!DOCTYPE html>${renderToString(vnode)}`;
}

export function sendHtml(reply: FastifyReply, vnode: VNode, status = 200): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(renderHtml(vnode));
}

export type Children = ComponentChildren;
