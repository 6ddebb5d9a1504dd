import { Body, Controller, Delete, Get, NotFoundException, Param, Post, UnprocessableEntityException } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ROLES } from './api-user.entity';
import { ApiUsersService, InvalidUserError } from './api-users.service';
import { Roles } from './roles.decorator';
import { Int4IdPipe } from '../http/id-param';

const createUserSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: z.enum(ROLES),
    agencyCode: z.string().trim().min(1).optional(),
  })
  .refine((u) => (u.role === 'agency') === Boolean(u.agencyCode), {
    message: 'agencyCode is required for the agency role and not allowed for the others',
    path: ['agencyCode'],
  });
class CreateUserDto extends createZodDto(createUserSchema) {}

/** Administrators issue and revoke API tokens here (the CLI does the same: `users create`). */
@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: ApiUsersService) {}

  /** 422 when the agency code names no agency. */
  @Post()
  @ApiUnprocessableEntityResponse({ description: '{ message }: e.g. the agencyCode names no agency; nothing was created' })
  async create(@Body() body: CreateUserDto) {
    const { user, token } = await this.users.create(body).catch((error: unknown) => {
      throw error instanceof InvalidUserError ? new UnprocessableEntityException(error.message) : error;
    });
    return { id: user.id, name: user.name, role: user.role, agencyCode: user.agencyCode ?? null, token };
  }

  @Get()
  async list() {
    const items = (await this.users.list()).map((u) => ({
      id: u.id,
      name: u.name,
      role: u.role,
      agencyCode: u.agencyCode ?? null,
      createdAt: u.createdAt,
      revokedAt: u.revokedAt ?? null,
    }));
    return { total: items.length, items };
  }

  @Delete(':id')
  async revoke(@Param('id', Int4IdPipe) id: number) {
    if (!(await this.users.revoke(id))) throw new NotFoundException(`no active user ${id}`);
    return { id, revoked: true };
  }
}
